extension BlockResult {
    /// Gradescope's and the score card's verdict: passed only with full points (a check with
    /// partial credit has failed, as in lab-format.md), and, for a step, when it passed.
    var isFullyPassed: Bool { status == .passed && score >= maxScore }

    /// What the learner needs to see when the block did not pass: the reason, the hint, and
    /// for the command that did not match, its expected-vs-actual diff and exit status.
    /// Empty for a passed block.
    var failureText: String {
        guard !isFullyPassed else { return "" }
        var parts: [String] = []
        switch status {
        case .timedOut: parts.append("Timed out.")
        case .skipped: parts.append("Skipped.")
        case .running: parts.append("Did not finish.")
        default: break
        }
        if kind == .check, status != .skipped {
            parts.append("Scored \(ReportFormat.points(score)) of \(ReportFormat.points(maxScore)) points.")
        }
        if let message, !message.isEmpty { parts.append(message) }
        if let hint, !hint.isEmpty { parts.append("Hint: \(hint)") }
        for command in commands where !command.matched || command.timedOut {
            parts.append(command.mismatchText)
        }
        return parts.joined(separator: "\n\n")
    }
}
