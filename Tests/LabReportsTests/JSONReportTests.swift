import Foundation
import Testing
@testable import LabReports
import LabResults

@Suite struct JSONReportTests {
    private func topLevel(_ r: RunResults) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: try JSONReport.data(r))
        return try #require(object as? [String: Any])
    }

    @Test func topLevelHasGradescopeShape() throws {
        let json = try topLevel(SampleResults.run())
        #expect(Set(json.keys) == ["score", "max_score", "execution_time", "output", "tests", "isolab"])
        #expect(json["score"] as? Double == 2)
        #expect(json["max_score"] as? Double == 8)
        #expect(json["execution_time"] as? Double == 12.5)
        let tests = try #require(json["tests"] as? [[String: Any]])
        #expect(tests.map { $0["name"] as? String } == ["basics/hostname", "basics/in-list", "basics/slow", "passing/ok"])
        #expect(tests.map { $0["score"] as? Double } == [0, 1, 0, 1])
        #expect(tests.map { $0["max_score"] as? Double } == [2, 2, 3, 1])
        #expect(tests.map { $0["status"] as? String } == ["failed", "failed", "failed", "passed"])
        #expect(tests.allSatisfy { $0["output_format"] as? String == "text" })
    }

    @Test func testOutputsCarryReasonHintAndDiff() throws {
        let tests = try #require(try topLevel(SampleResults.run())["tests"] as? [[String: Any]])
        let output = tests.map { $0["output"] as? String ?? "?" }
        #expect(output[0] == """
            Scored 0 of 2 points.

            output differs

            Hint: use --hostname

            $ docker exec c1 hostname
            --- expected labs/basics.md:17
            +++ actual
            -web
            +\(SampleResults.hostileOutput)
            (exit 0)
            """)
        #expect(output[1] == "Scored 1 of 2 points.\n\nFAIL: /tmp/x is missing")
        #expect(output[2] == """
            Timed out.

            Scored 0 of 3 points.

            timed out after 1s

            script (labs/basics.md:34) output:
            (no output)
            (killed by the timeout)
            """)
        #expect(output[3] == "")
    }

    @Test func failedScriptShowsItsOutputUnderAHeaderNotAsATranscript() throws {
        var lab = SampleResults.passing
        lab.blocks[1].status = .failed
        lab.blocks[1].score = 0
        lab.blocks[1].reason = .text("nope")
        lab.blocks[1].commands[0] = SampleResults.command("echo \"FAIL: nope\"\nexit 1", line: 9, actual: "FAIL: nope", exit: 1, matched: false)
        let tests = try #require(try topLevel(SampleResults.run(labs: [lab]))["tests"] as? [[String: Any]])
        #expect(tests.first?["output"] as? String == "Scored 0 of 1 points.\n\nnope\n\nscript (labs/passing.md:9) output:\nFAIL: nope\n(exit 1)")
    }

    /// A partial score is the engine's reason (a value); the reports word it once, also for a
    /// results file read back, whose message holds those words.
    @Test func scoreIsSaidOnceWhenTheReasonIsThePartialScore() throws {
        var lab = SampleResults.passing
        lab.blocks[1].status = .failed
        lab.blocks[1].maxScore = 2
        lab.blocks[1].score = 1
        lab.blocks[1].reason = .partialScore(scored: 1, of: 2)
        let run = SampleResults.run(labs: [lab])
        let tests = try #require(try topLevel(run)["tests"] as? [[String: Any]])
        #expect(tests.first?["output"] as? String == "scored 1 of 2")
        let back = try JSONReport.read(try JSONReport.data(run))
        #expect(back.labs[0].blocks[1].reason?.isPartialScore == true)
        #expect(try topLevel(back)["tests"] as? NSArray == tests as NSArray)
        // Other words are the check's own: the score is said as well.
        lab.blocks[1].reason = .text("FAIL: scored 1 of 2 on the quiz")
        let other = try #require(try topLevel(SampleResults.run(labs: [lab]))["tests"] as? [[String: Any]])
        #expect(other.first?["output"] as? String == "Scored 1 of 2 points.\n\nFAIL: scored 1 of 2 on the quiz")
    }

    @Test func expectedExitIsShownOnlyWhenItDiffers() {
        let same = SampleResults.command("echo hi", line: 4, expected: "ho", expectedStatus: 0, actual: "hi", exit: 0,
                                         matched: false, diff: "--- expected x.md:4\n+++ actual\n-ho\n+hi")
        #expect(same.mismatchText(file: "x.md") == "$ echo hi\n--- expected x.md:4\n+++ actual\n-ho\n+hi\n(exit 0)")
        var differs = same
        differs.expectedStatus = 1
        #expect(differs.mismatchText(file: "x.md").hasSuffix("\n(exit 0, expected exit 1)"))
    }

    @Test func summaryNamesLabsAndFailedSteps() throws {
        let failedStep = SampleResults.block("broken", .step, "sh", line: 3, .failed, message: "exit 2")
        var lab = SampleResults.passing
        lab.blocks.insert(failedStep, at: 0)
        lab.status = .failed
        let json = try topLevel(SampleResults.run(labs: [lab]))
        #expect(json["output"] as? String == "Passing lab (labs/passing.md): 1/1 points, failed\n  step #broken failed: exit 2")
    }

    @Test func labErrorIsAFailedZeroPointTest() throws {
        var lab = SampleResults.passing
        lab.blocks = []
        lab.status = .error
        lab.error = "setup failed"
        let json = try topLevel(SampleResults.run(labs: [lab, SampleResults.passing]))
        let tests = try #require(json["tests"] as? [[String: Any]])
        #expect(tests.map { $0["name"] as? String } == ["passing/(lab)", "passing/ok"])
        #expect(tests.first?["status"] as? String == "failed")
        #expect(tests.first?["max_score"] as? Double == 0)
        #expect(tests.first?["output"] as? String == "setup failed")
        #expect(json["output"] as? String == "Passing lab (labs/passing.md): 0/0 points, error\n  error: setup failed\nPassing lab (labs/passing.md): 1/1 points, passed")
    }

    @Test func isolabDetailsUseSnakeCaseAndISODates() throws {
        let json = try topLevel(SampleResults.run())
        let isolab = try #require(json["isolab"] as? [String: Any])
        #expect(isolab["started_at"] as? String == "2026-11-30T09:00:00.250Z")
        #expect(isolab["finished_at"] as? String == "2026-11-30T09:00:12.750Z")
        #expect(isolab["learner"] as? String == "alice")
        let host = try #require(isolab["host"] as? [String: Any])
        #expect(host["cgroup_version"] as? String == "v2")
        #expect(host["kernel"] as? String == "6.1.0-28-amd64")
        let labs = try #require(isolab["labs"] as? [[String: Any]])
        let blocks = try #require(labs.first?["blocks"] as? [[String: Any]])
        let slow = try #require(blocks.first { $0["id"] as? String == "slow" })
        #expect(slow["status"] as? String == "timed_out")
        #expect(slow["max_score"] as? Double == 3)
        let burn = try #require(blocks.first { $0["id"] as? String == "burn" })
        let measure = try #require(burn["measure"] as? [String: Any])
        #expect(measure["mean_cores"] as? Double == 0.996)
        #expect((measure["samples"] as? [[String: Any]])?.count == 25)
    }

    @Test func roundTrips() throws {
        let run = SampleResults.run()
        #expect(try JSONReport.read(try JSONReport.data(run)) == run)
        let anonymous = SampleResults.run(learner: nil, labs: [])
        #expect(try JSONReport.read(try JSONReport.data(anonymous)) == anonymous)
    }

    @Test func nonFiniteNumbersDoNotBreakTheFileAndAreRefusedOnReading() throws {
        var lab = SampleResults.passing
        lab.duration = .nan
        let data = try JSONReport.data(SampleResults.run(labs: [lab]))
        #expect(String(decoding: data, as: UTF8.self).contains("\"duration\" : \"NaN\""))
        let error = try #require(throws: ReportError.self) { try JSONReport.read(data) }
        #expect(error.description == "read results: at isolab.labs[0].duration: nan is out of range 0...31622400")
    }

    @Test func readRejectsAFileWithoutIsolabDetails() throws {
        let gradescopeOnly = Data(#"{"score": 1, "max_score": 1, "tests": []}"#.utf8)
        let error = try #require(throws: ReportError.self) { try JSONReport.read(gradescopeOnly) }
        #expect(error.description == "read results: at top level: key 'isolab' is missing (not an isolab results file?)")
    }

    @Test func readReportsWhereABadDateIs() throws {
        var text = String(decoding: try JSONReport.data(SampleResults.run()), as: UTF8.self)
        text = text.replacingOccurrences(of: "2026-11-30T09:00:00.250Z", with: "yesterday")
        let error = try #require(throws: ReportError.self) { try JSONReport.read(Data(text.utf8)) }
        #expect(error.description == "read results: at isolab.started_at: not an ISO-8601 date: yesterday")
    }
}
