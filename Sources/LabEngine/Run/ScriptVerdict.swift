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
        for line in OutputLines.split(output) {
            if line.hasPrefix("FAIL:") {
                failLines.append(String(line.dropFirst(5)).trimmingCharacters(in: .whitespaces))
            } else if line.hasPrefix("SCORE:") {
                let text = line.dropFirst(6).trimmingCharacters(in: .whitespaces)
                if let value = Double(text), value.isFinite { score = value }
            }
        }
    }

    /// The check's score: SCORE (within 0...points) whatever the status, else points on exit 0.
    func score(points: Double, exitStatus: Int32?) -> Double {
        if let score { return min(max(score, 0), points) }
        return exitStatus == 0 ? points : 0
    }
}
