import LabFormat
import LabReports
import LabResults

extension WalkProgress {
    /// Takes in the result of `block` as the walk and the browser both count it: its latest
    /// result, a check's best score, done when passed, one more failure for a check that failed
    /// (not for an interrupted one: the learner stopped it).
    public mutating func apply(_ result: BlockResult, of block: LabBlock) {
        record(result)
        if block.kind == .check { scores[block.id] = max(scores[block.id] ?? 0, result.score) }
        if result.status == .passed {
            if !done.contains(block.id) { done.append(block.id) }
        } else if block.kind == .check, result.reason?.isInterrupted != true {
            failures[block.id, default: 0] += 1
        }
    }

    /// Whether the learner may see `block`'s hidden solution now: a check that has one, after
    /// `afterFailures` failed attempts.
    public func canRevealSolution(_ block: LabBlock, in lab: Lab, afterFailures: Int) -> Bool {
        block.kind == .check && (failures[block.id] ?? 0) >= afterFailures && !lab.solutions(for: block.id).isEmpty
    }

    /// Notes that the learner saw `block`'s solution (in the progress and in its result) and
    /// returns the solution's lines as typed.
    public mutating func revealSolution(_ block: LabBlock, in lab: Lab) -> [String] {
        if !solutionShown.contains(block.id) { solutionShown.append(block.id) }
        if let i = results.firstIndex(where: { $0.id == block.id }) { results[i].solutionShown = true }
        return lab.solutions(for: block.id).flatMap { WalkDocument.typedLines($0) }
    }
}
