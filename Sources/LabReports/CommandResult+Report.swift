extension CommandResult {
    /// The command as a transcript shows it: `$ ` before the first line, `> ` before the others.
    var transcriptText: String {
        command.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { ($0.offset == 0 ? "$ " : "> ") + $0.element }.joined(separator: "\n")
    }

    /// The exit status as people read it: "exit 1", or "killed by the timeout".
    var exitText: String {
        if timedOut { return "killed by the timeout" }
        guard let exitStatus else { return "no exit status" }
        return "exit \(exitStatus)"
    }

    /// A mismatched command in plain text: the command, then the diff when the engine made
    /// one, else expected and actual output one after the other (a script: its output).
    var mismatchText: String {
        var text = transcriptText + "\n"
        if let diff, !diff.isEmpty {
            text += diff
        } else if let expected {
            text += "--- expected\n" + expected + "\n+++ actual\n" + actual
        } else {
            text += actual.isEmpty ? "(no output)" : actual
        }
        if !text.hasSuffix("\n") { text += "\n" }
        var statusLine = "(\(exitText)"
        if let expectedStatus { statusLine += ", expected exit \(expectedStatus)" }
        return text + statusLine + ")"
    }
}
