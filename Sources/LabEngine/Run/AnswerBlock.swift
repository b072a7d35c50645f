import LabFormat
import LabResults

/// A learner's answer as the block that runs it, in place of its check's hidden solutions.
enum AnswerBlock {
    /// The answer of `check` as a hidden solution block, held to the check's timeout. Its id,
    /// `answer-CHECK`, cannot clash with the lab's: a lab's ids never get that prefix by default.
    static func block(_ answer: LabAnswer, for check: LabBlock) -> LabBlock {
        LabBlock(id: id(for: check.id), kind: .solution, language: "sh", location: answer.location, hidden: true,
                 body: .script(answer.script), points: 0, timeout: check.timeout, retry: nil,
                 background: false, solutionFor: check.id, hints: [], measure: nil, endLine: answer.location.line)
    }

    static func id(for check: String) -> String { "answer-\(check)" }

    /// Why `check` scores 0 without running when grading from answers, or nil when it runs: there
    /// is no answer, or the answer ran out of time or was interrupted. (An answer that exits
    /// non-zero still lets its check run: the work may be done all the same.)
    static func unanswered(_ check: LabBlock, answers: [String: LabAnswer]?, results: [BlockResult]) -> BlockReason? {
        guard let answers else { return nil }
        guard let answer = answers[check.id] else { return .noAnswer }
        guard let result = results.last(where: { $0.id == id(for: check.id) }) else { return nil }
        switch result.status {
        case .timedOut:
            return .answerTimedOut(at: "\(answer.path):\(answer.location.line)", after: check.timeout)
        case .error:
            return .answerDidNotFinish(at: "\(answer.path):\(answer.location.line)", cause: result.reason)
        default:
            return nil
        }
    }
}
