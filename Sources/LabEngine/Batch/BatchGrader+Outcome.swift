extension BatchGrader.Outcome {
    /// Whether the child graded the submission: `lab grade` exits 0, 1 or 2 when it wrote its
    /// results (whatever the score); anything else is a crash, a kill or a failure to start.
    public var isComplete: Bool { exitStatus.map { (0...2).contains($0) } ?? false }

    /// Why no child graded the submission, for the results that say so.
    public func ungradedReason(timeout: Double, logPath: String) -> String {
        if timedOut { return "grading took longer than \(Int(timeout)) s and was stopped" }
        guard let exitStatus else { return "grading was interrupted" }
        return "grading failed (exit status \(exitStatus)); see \(logPath)"
    }
}
