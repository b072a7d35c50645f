import Foundation
import Testing
@testable import LabReports

/// The payload as GitHub Classroom's grading reporter reads it: base64 of a JSON object, whose
/// `tests[].score` it sums against `max_score`, failing the job on `fail` or `error`.
@Suite struct ClassroomReportTests {
    /// What the reporter computes from one runner's `<RUNNER>_RESULTS` value.
    struct Reporter {
        var totalScore: Double
        var maxScore: Double
        var status: String
        var tests: [[String: Any]]

        init(_ payload: String) throws {
            let data = try #require(Data(base64Encoded: payload))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(object["version"] as? Int == 1)
            tests = try #require(object["tests"] as? [[String: Any]])
            maxScore = try #require(object["max_score"] as? Double)
            status = try #require(object["status"] as? String)
            totalScore = tests.reduce(0) { $0 + (($1["score"] as? Double) ?? 0) }
        }
    }

    @Test func totalsMatchTheResultsAndEveryTestHasTheReportersFields() throws {
        let results = SampleResults.run()
        let reporter = try Reporter(try ClassroomReport.payload(results))
        #expect(reporter.totalScore == results.totalScore)
        #expect(reporter.maxScore == results.totalMaxScore)
        #expect(reporter.status == (results.totalScore >= results.totalMaxScore ? "pass" : "fail"))
        let checks = results.labs.flatMap { $0.blocks.filter { $0.kind == .check } }
        #expect(reporter.tests.filter { $0["status"] as? String != "error" }.count == checks.count)
        for test in reporter.tests {
            for key in ["name", "status", "score", "message", "line_no", "filename", "duration", "test_code"] {
                #expect(test[key] != nil, "\(key) missing in \(test)")
            }
            #expect(["pass", "fail", "error"].contains(test["status"] as? String ?? ""))
        }
    }

    @Test func aLabThatCouldNotRunIsAnErrorWorthNothing() throws {
        var results = SampleResults.run()
        results.labs[0].error = "the answers file is invalid: a.md:3:1: …"
        let reporter = try Reporter(try ClassroomReport.payload(results))
        #expect(reporter.status == "error")
        let first = try #require(reporter.tests.first)
        #expect(first["status"] as? String == "error")
        #expect(first["score"] as? Double == 0)
        #expect((first["message"] as? String)?.contains("answers file is invalid") == true)
        #expect(reporter.totalScore == results.totalScore)
    }

    @Test func aFullScoreIsAPassAndNonsenseDurationsDoNotTrap() throws {
        var results = SampleResults.run()
        for l in results.labs.indices {
            for b in results.labs[l].blocks.indices where results.labs[l].blocks[b].kind == .check {
                results.labs[l].blocks[b].score = results.labs[l].blocks[b].maxScore
                results.labs[l].blocks[b].status = .passed
                results.labs[l].blocks[b].duration = .infinity
            }
        }
        let reporter = try Reporter(try ClassroomReport.payload(results))
        #expect(reporter.status == "pass")
        #expect(reporter.totalScore == reporter.maxScore)
        #expect(reporter.tests.allSatisfy { ($0["duration"] as? Int) != nil })
    }
}
