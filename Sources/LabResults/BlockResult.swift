import Foundation
import LabFormat

/// One block of a lab as it ran. The engine records what happened as values (status, points,
/// `reason`); the words of `message` are `BlockReason.text`, the one place they are made.
public struct BlockResult: Codable, Sendable, Equatable {
    public var id: String
    public var kind: LabBlockKind
    public var language: String          // "console", "sh", "" for hidden blocks
    public var line: Int                 // 1-based line of the block's opening in the lab file
    public var column: Int
    public var status: Status
    public var duration: Double          // seconds, all attempts
    public var attempts: Int
    public var commands: [CommandResult] // transcripts: one per `$` command that ran; scripts: one
    public var score: Double             // checks only; 0 otherwise
    public var maxScore: Double          // a check's points; 0 otherwise
    /// Why the block did not pass (or, skipped, why it did not run); nil when it passed.
    public var reason: BlockReason?
    public var hint: String?             // shown when a check fails
    public var background: Bool
    public var measure: CPUMeasurement?
    public var solutionShown: Bool?      // `lab walk`: the learner revealed the solution (absent: no)

    public init(id: String, kind: LabBlockKind, language: String, line: Int, column: Int, status: Status,
                duration: Double, attempts: Int, commands: [CommandResult], score: Double, maxScore: Double,
                reason: BlockReason?, hint: String?, background: Bool, measure: CPUMeasurement?,
                solutionShown: Bool? = nil) {
        self.id = id; self.kind = kind; self.language = language; self.line = line; self.column = column
        self.status = status; self.duration = duration; self.attempts = attempts; self.commands = commands
        self.score = score; self.maxScore = maxScore; self.reason = reason; self.hint = hint
        self.background = background; self.measure = measure; self.solutionShown = solutionShown
    }

    /// The reason in words, as the results file's `message` holds it: `FAIL:` lines, the
    /// timeout or crash reason, the first mismatch.
    public var message: String? { reason?.text }
}
