import LabFormat
import LabResults

/// A class's results after grading: each submission's own results when its child graded it,
/// else results made here saying why not (every check at 0).
public struct ClassResults {
    /// One per submission, in the order graded.
    public var runs: [RunResults]
    /// The submissions no child graded, with the results made for them (to be written out).
    public var ungraded: [(submission: Submission, results: RunResults)]

    /// Each outcome's results are what its child wrote, read as it ended; `logPath` gives the
    /// child's log.
    public init(_ outcomes: [BatchGrader.Outcome], lab: Lab, timeout: Double, logPath: (Submission) -> String) {
        runs = []
        ungraded = []
        for outcome in outcomes {
            if outcome.isComplete, let results = outcome.results {
                runs.append(results)
                continue
            }
            let reason = outcome.ungradedReason(timeout: timeout, logPath: logPath(outcome.submission))
            let options = LabRunOptions(mode: .grade, learner: outcome.submission.learner)
            let results = LabRunner.results([LabRunner.unscoredResult(lab, reason: reason)], options: options, host: nil)
            ungraded.append((outcome.submission, results))
            runs.append(results)
        }
    }
}
