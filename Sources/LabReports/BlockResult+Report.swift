import LabResults

extension BlockResult {
    /// Gradescope's and the score card's verdict: passed only with full points (a check with
    /// partial credit has failed, as in lab-format.md), and, for a step, when it passed.
    var isFullyPassed: Bool { status == .passed && score >= maxScore }

    /// A check that scored some but not all of its points (whatever its status says: a
    /// script that printed `SCORE:` and exited 1 has failed, yet earned those points).
    var isPartial: Bool {
        kind == .check && status != .skipped && score > 0 && score < maxScore
    }

    /// What the learner needs to see when the block did not pass: the reason, the hint, and
    /// for the command that did not match, its expected-vs-actual diff and exit status
    /// (`file` is the lab's path, to say where a script is). Empty for a passed block.
    func failureText(file: String) -> String {
        guard !isFullyPassed else { return "" }
        var parts: [String] = []
        switch status {
        case .timedOut: parts.append("Timed out.")
        case .skipped: parts.append("Skipped.")
        case .running: parts.append("Did not finish (still running when the results were written, or interrupted).")
        default: break
        }
        // A partial score's reason already says this; once is enough.
        if kind == .check, status != .skipped, reason?.isPartialScore != true {
            parts.append("Scored \(Points.text(score)) of \(Points.text(maxScore)) points.")
        }
        if let message, !message.isEmpty { parts.append(message) }
        if let hint, !hint.isEmpty { parts.append("Hint: \(hint)") }
        for command in commands where !command.matched || command.timedOut {
            parts.append(command.mismatchText(file: file))
        }
        return parts.joined(separator: "\n\n")
    }
}
