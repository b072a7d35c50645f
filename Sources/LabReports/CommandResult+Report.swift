import LabResults

extension CommandResult {
    /// The command as a transcript shows it: `$ ` before the first line, `> ` before the others.
    var transcriptText: String {
        command.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { ($0.offset == 0 ? "$ " : "> ") + $0.element }.joined(separator: "\n")
    }

    /// A script (an `sh` block or a hidden one) has no expected output; a transcript's
    /// command always has some, if only empty.
    var isScript: Bool { expected == nil && diff == nil }

    /// The exit status as people read it: "exit 1", or "killed by the timeout".
    var exitText: String {
        if timedOut { return "killed by the timeout" }
        guard let exitStatus else { return "no exit status" }
        return "exit \(exitStatus)"
    }

    /// A mismatched command in plain text. A transcript command: `$ command`, then the diff
    /// when the engine made one, else expected and actual output one after the other. A
    /// script: a `script (FILE:LINE) output:` header and its output (the script itself is in
    /// the lab; shown as a `$` transcript it would read as commands the learner typed).
    /// Then the exit status, and the expected one when it differs.
    func mismatchText(file: String) -> String {
        var text: String
        if isScript {
            text = "script (\(file):\(line)) output:\n" + (actual.isEmpty ? "(no output)" : actual)
        } else {
            text = transcriptText + "\n"
            if let diff, !diff.isEmpty {
                text += diff
            } else {
                text += "--- expected\n" + (expected ?? "") + "\n+++ actual\n" + actual
            }
        }
        if !text.hasSuffix("\n") { text += "\n" }
        var statusLine = "(\(exitText)"
        if let expectedStatus, exitStatus.map({ Int($0) != expectedStatus }) ?? true {
            statusLine += ", expected exit \(expectedStatus)"
        }
        return text + statusLine + ")"
    }
}
