import Foundation
import LabFormat

/// What a script's output says to the learner: `FAIL:` lines and a `SCORE: n` line.
struct ScriptVerdict: Equatable {
    var failLines: [String]
    /// The last `SCORE: n` line's n, if any.
    var score: Double?

    init(output: String) {
        failLines = []
        score = nil
        for line in OutputCleaner.lines(output) {
            if line.hasPrefix("FAIL:") {
                failLines.append(String(line.dropFirst(5)).trimmingCharacters(in: .whitespaces))
            } else if line.hasPrefix("SCORE:") {
                let text = line.dropFirst(6).trimmingCharacters(in: .whitespaces)
                if let value = Double(text), value.isFinite { score = value }
            }
        }
    }

    /// The check's score: SCORE whatever the status, else points on exit 0. Nil for a SCORE
    /// outside 0...points: the check's own bug, which scores 0 (`BlockReason.scoreOutOfRange`).
    func score(points: Double, exitStatus: Int32?) -> Double? {
        if let score {
            guard score >= 0, score <= points else { return nil }
            return score
        }
        return exitStatus == 0 ? points : 0
    }
}
