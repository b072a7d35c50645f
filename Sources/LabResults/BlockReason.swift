/// Why a block did not pass, or did not run, as values: the engine records them, and
/// `BlockReason+Text.swift` words them, the one place a timeout, an exit status or a partial
/// score becomes a sentence. `at` is the `FILE:LINE` the reason is about.
public indirect enum BlockReason: Sendable {
    /// Words with no structure of their own: a script's `FAIL:` lines, why a block was skipped,
    /// a message read back from a results file.
    case text(String)
    /// The run was interrupted (Ctrl-C, SIGTERM), at a command, or while the block ran with
    /// what it had found so far.
    case interrupted(at: String?, cause: BlockReason?)
    /// A command ran longer than the block's `timeout` (seconds) and was killed.
    case timedOut(at: String, after: Double)
    /// A command exited with `status` (nil: no status), when `expected` (or 0 for a script).
    case exitStatus(at: String, status: Int32?, expected: Int32?)
    /// A transcript command's output does not match the expected lines.
    case outputMismatch(at: String)
    /// A check's script printed `SCORE:` below its points.
    case partialScore(scored: Double, of: Double)
    /// A check's script printed a `SCORE:` outside 0...points: the check's own bug; it scores 0.
    case scoreOutOfRange(at: String, score: Double, points: Double, failLines: [String])
    /// A script was killed by a signal (a crash scores nothing, whatever it printed before).
    case killedBySignal(at: String, signal: Int32, failLines: [String])
    /// A command could not be started.
    case couldNotStart(at: String, error: String)
    /// A measured block's mean CPU use was outside `expected` cores; `earlyExits` are the
    /// started commands that had already ended (their exit status says why).
    case cpuOutOfRange(at: String, subject: String, mean: Double, expected: ClosedRange<Double>, earlyExits: [CommandResult])
    /// No CPU sample of `subject` could be taken (`error`: the last reading's failure).
    case noCPUSamples(at: String, subject: String, error: String?)
    /// Not run: setup could not be prepared, or the run stopped before the block.
    case notRun
    /// Not run: the built-in images could not be prepared.
    case imagesMissing
    /// Not run: an earlier block failed, and the run was told to stop (`--fail-fast`).
    case afterEarlierFailure
    /// Not run: setup block `id` failed (`--fail-fast`).
    case setupFailed(id: String)
    /// A walk's check the learner has not done yet.
    case notDone
    /// Graded from answers: the check has no answer.
    case noAnswer
    /// Graded from answers: the answer at `at` ran longer than its check's timeout (seconds).
    case answerTimedOut(at: String, after: Double)
    /// Graded from answers: the answer at `at` did not finish, for `cause`.
    case answerDidNotFinish(at: String, cause: BlockReason?)
}

extension BlockReason: Equatable {
    /// Two reasons are the same when they say the same: the results file keeps the words, so a
    /// reason read back from a file equals the one that was written.
    public static func == (a: BlockReason, b: BlockReason) -> Bool { a.text == b.text }
}

extension BlockReason {
    /// `FAIL:` lines as a reason, nil when there are none.
    public static func failLines(_ lines: [String]) -> BlockReason? {
        lines.isEmpty ? nil : .text(lines.joined(separator: "\n"))
    }

    /// A message read from a results file, as the reason whose words it is where that matters to
    /// the reports (a partial score's, which they word again otherwise), else as text.
    public init(recorded text: String, score: Double, maxScore: Double) {
        let partial = BlockReason.partialScore(scored: score, of: maxScore)
        self = text == partial.text ? partial : .text(text)
    }

    /// Whether the run was interrupted while the block ran.
    public var isInterrupted: Bool {
        if case .interrupted = self { return true }
        return false
    }

    /// Whether this is a check's partial score (the reports then say it themselves).
    public var isPartialScore: Bool {
        if case .partialScore = self { return true }
        return false
    }
}
