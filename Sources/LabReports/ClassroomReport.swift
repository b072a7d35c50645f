import Foundation
import LabResults

/// The run as GitHub Classroom's grading reporter reads it (see `ClassroomResults`): one test
/// per check, named `lab/check-id` as in the other reports, plus a 0-point `error` test for a
/// lab that could not run, so the learner sees why.
public enum ClassroomReport {
    /// The base64 text to hand to the reporter (the `result` step output).
    public static func payload(_ results: RunResults) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(classroomResults(results)).base64EncodedString()
    }

    static func classroomResults(_ results: RunResults) -> ClassroomResults {
        var tests: [ClassroomResults.Test] = []
        for (lab, key) in results.labsWithKeys {
            if let error = lab.error, !error.isEmpty {
                tests.append(.init(name: "\(key)/\(JUnitReport.labCaseName)", status: "error", score: 0,
                                   message: error, lineNumber: 1, filename: lab.path, duration: milliseconds(lab.duration),
                                   testCode: ""))
            }
            for check in lab.checks {
                tests.append(.init(
                    name: "\(key)/\(check.id)", status: check.isFullyPassed ? "pass" : "fail",
                    score: check.score, message: check.failureText(file: lab.path), lineNumber: check.line,
                    filename: lab.path, duration: milliseconds(check.duration),
                    testCode: check.commands.map(\.command).joined(separator: "\n")))
            }
        }
        let status: String
        if results.labs.contains(where: { $0.error.map { !$0.isEmpty } ?? false }) { status = "error" }
        // Points decide, as they do for the reporter: a failed demo step costs none.
        else if results.totalScore >= results.totalMaxScore { status = "pass" }
        else { status = "fail" }
        return ClassroomResults(status: status, maxScore: results.totalMaxScore, tests: tests)
    }

    /// Seconds to whole milliseconds; a duration that is not a sane number (a hand-edited
    /// results file) counts as 0 rather than trapping.
    static func milliseconds(_ seconds: Double) -> Int {
        let ms = (seconds * 1000).rounded()
        guard ms.isFinite, ms >= 0, ms < 1e12 else { return 0 }
        return Int(ms)
    }
}
