import Foundation
import Testing
@testable import LabReports
import LabResults

@Suite struct JUnitReportTests {
    /// Reads a JUnit file with junitparser and prints, as JSON, what a CI consumer would see.
    static let reader = #"""
    import json, sys
    import xml.etree.ElementTree as ET
    from junitparser import JUnitXml, Failure, Error, Skipped
    ET.parse(sys.argv[1])  # well-formed for a strict parser too
    xml = JUnitXml.fromfile(sys.argv[1])
    suites = []
    for suite in xml:
        cases = []
        for case in suite:
            results = [type(r).__name__ for r in case.result]
            props = {p.get("name"): p.get("value") for p in case._elem.iter("property")}
            texts = [r.text or "" for r in case.result]
            messages = [r.message or "" for r in case.result]
            cases.append({"classname": case.classname, "name": case.name, "time": case.time,
                          "results": results, "properties": props, "texts": texts, "messages": messages,
                          "out": case.system_out or ""})
        suites.append({"name": suite.name, "tests": suite.tests, "failures": suite.failures,
                       "errors": suite.errors, "skipped": suite.skipped,
                       "properties": {p.name: p.value for p in suite.properties()}, "cases": cases})
    print(json.dumps({"tests": xml.tests, "failures": xml.failures, "skipped": xml.skipped, "suites": suites}))
    """#

    struct Parsed: Decodable {
        struct Suite: Decodable {
            var name: String, tests: Int, failures: Int, errors: Int, skipped: Int
            var properties: [String: String]
            var cases: [Case]
        }
        struct Case: Decodable {
            var classname: String, name: String, time: Double
            var results: [String], properties: [String: String], texts: [String], messages: [String], out: String
        }
        var tests: Int, failures: Int, skipped: Int
        var suites: [Suite]
    }

    private func parse(_ xml: String) throws -> Parsed {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write(xml, "junit.xml")
        let python = try #require(Subprocess.which("python3"))
        let output = try Subprocess.run([python, "-c", Self.reader, path])
        try #require(output.status == 0, "junitparser failed: \(output.stderr)")
        return try JSONDecoder().decode(Parsed.self, from: Data(output.stdout.utf8))
    }

    @Test(.enabled(if: Conditions.hasJunitparser, "needs junitparser from PyPI (scripts/test-setup-reports.sh)"))
    func junitparserReadsCountsPerLab() throws {
        let parsed = try parse(JUnitReport.xml(SampleResults.run()))
        #expect(parsed.tests == 10)
        #expect(parsed.failures == 3)
        #expect(parsed.skipped == 1)
        #expect(parsed.suites.map(\.name) == ["basics", "passing"])
        let basics = try #require(parsed.suites.first)
        #expect([basics.tests, basics.failures, basics.errors, basics.skipped] as [Int] == [8, 3, 0, 1])
        #expect(basics.cases.map(\.name) == ["setup-1", "start", "hostname", "in-list", "burn", "slow", "after", "cleanup-1"])
        #expect(basics.cases.allSatisfy { $0.classname == "basics" })
        #expect(basics.cases.map(\.results) == [[], [], ["Failure"], ["Failure"], [], ["Failure"], ["Skipped"], []])
        #expect(basics.cases[0].time == 0.5)
    }

    @Test(.enabled(if: Conditions.hasJunitparser, "needs junitparser from PyPI (scripts/test-setup-reports.sh)"))
    func junitparserReadsPropertiesAndFailureText() throws {
        let parsed = try parse(JUnitReport.xml(SampleResults.run()))
        let basics = try #require(parsed.suites.first)
        #expect(basics.properties["score"] == "1")
        #expect(basics.properties["max_score"] == "7")
        #expect(basics.properties["kernel"] == "6.1.0-28-amd64")
        #expect(basics.properties["cgroup_version"] == "v2")
        #expect(basics.properties["learner"] == "alice")
        let hostname = basics.cases[2]
        #expect(hostname.properties == ["kind": "check", "status": "failed", "attempts": "1", "score": "0", "points": "2"])
        #expect(hostname.messages == ["output differs"])
        // The diff, markup and all, arrives as text; ESC shows as its Control Picture.
        #expect(hostname.texts.first?.contains("-web\n+<script>alert('x')</script> & \"quotes\"\u{241B}[0m") == true)
        #expect(hostname.out.hasPrefix("$ docker exec c1 hostname\n<script>"))
        let inList = basics.cases[3]
        #expect(inList.properties["score"] == "1")
        #expect(inList.properties["points"] == "2")
        let slow = basics.cases[5]
        #expect(slow.messages == ["timed out after 1s"])
        #expect(slow.texts.first?.contains("Timed out.") == true)
        let burn = basics.cases[4]
        #expect(burn.properties["mean_cores"] == "0.996")
        #expect(burn.properties["expect_cores"] == "0.8..1.2")
    }

    @Test(.enabled(if: Conditions.hasJunitparser, "needs junitparser from PyPI (scripts/test-setup-reports.sh)"))
    func everyControlCharacterStillParses() throws {
        // All C0 and C1 controls, DEL, the XML non-characters, markup, in output, message, id and path.
        let nasty = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
            + "\u{7F}\u{80}\u{9F}\u{FFFE}\u{FFFF}<&>\"']]>"
        var lab = SampleResults.passing
        lab.path = "labs/\(nasty).md"
        lab.blocks[1].id = "ok\(nasty)"
        lab.blocks[1].status = .failed
        lab.blocks[1].score = 0
        lab.blocks[1].reason = .text(nasty)
        lab.blocks[1].commands[0].actual = nasty
        lab.blocks[1].commands[0].matched = false
        let parsed = try parse(JUnitReport.xml(SampleResults.run(labs: [lab])))
        let failed = try #require(parsed.suites.first?.cases.last)
        #expect(failed.results == ["Failure"])
        // Tab and newline survive as themselves; CR arrives as CR; the rest as visible stand-ins.
        #expect(failed.messages.first?.hasPrefix("\u{2400}\u{2401}") == true)
        #expect(failed.messages.first?.contains("\t\n\u{240B}\u{240C}\r\u{240E}") == true)
        #expect(failed.messages.first?.hasSuffix("\u{2421}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}<&>\"']]>") == true)
        #expect(failed.name.hasPrefix("ok\u{2400}"))
    }

    @Test func escapesAttributesAndText() {
        var lab = SampleResults.passing
        lab.path = "labs/a&b<\"c\">.md"
        lab.blocks[1].id = "ok\"<&>"
        let xml = JUnitReport.xml(SampleResults.run(labs: [lab]))
        #expect(xml.contains(#"file="labs/a&amp;b&lt;&quot;c&quot;&gt;.md""#))
        #expect(xml.contains(#"name="ok&quot;&lt;&amp;&gt;""#))
        #expect(!xml.contains("\u{1B}"))
    }

    @Test func errorAndUnfinishedBlocksAreErrors() {
        var lab = SampleResults.passing
        lab.blocks[0].status = .error
        lab.blocks[0].reason = .text("could not start /bin/sh")
        lab.blocks[1].status = .running
        lab.error = "interrupted"
        let xml = JUnitReport.xml(SampleResults.run(labs: [lab]))
        #expect(xml.contains(#"<testsuite name="passing" tests="3" failures="0" errors="3" skipped="0""#))
        #expect(xml.contains(#"<error message="could not start /bin/sh" type="error">"#))
        #expect(xml.contains(#"<testcase classname="passing" name="(lab)" time="0.400" file="labs/passing.md">"#))
        #expect(xml.contains(#"<error message="interrupted" type="lab">interrupted</error>"#))
        #expect(xml.contains("<system-err>interrupted</system-err>"))
    }

    @Test(.enabled(if: Conditions.hasJunitparser, "needs junitparser from PyPI (scripts/test-setup-reports.sh)"))
    func invalidLabIsAnErrorNotAnEmptySuite() throws {
        var lab = SampleResults.passing
        lab.blocks = []
        lab.status = .error
        lab.error = "labs/passing.md:3:12: unknown attribute 'pionts'"
        let parsed = try parse(JUnitReport.xml(SampleResults.run(labs: [lab])))
        #expect(parsed.tests == 1)
        let suite = try #require(parsed.suites.first)
        #expect(suite.errors == 1)
        #expect(suite.cases.map(\.name) == ["(lab)"])
        #expect(suite.cases.first?.results == ["Error"])
        #expect(suite.cases.first?.messages == ["labs/passing.md:3:12: unknown attribute 'pionts'"])
    }
}

@Suite struct JUnitReportOutcomeTests {
    @Test func partlyScoredCheckIsAPartialFailure() {
        // The sample's #in-list: status failed (its script exited 1) with 1 of 2 points.
        let xml = JUnitReport.xml(SampleResults.run(labs: [SampleResults.basics]))
        #expect(xml.contains(#"<failure message="FAIL: /tmp/x is missing" type="partial">"#))
        // Nothing scored is a plain failure, a timeout stays a timeout.
        #expect(xml.contains(#"<failure message="output differs" type="failure">"#))
        #expect(xml.contains(#"<failure message="timed out after 1s" type="timeout">"#))
    }

    @Test func scriptOutputIsLabelledNotATranscript() {
        var lab = SampleResults.passing
        lab.blocks[1].commands[0] = SampleResults.command("echo a\nexit 1", line: 9, actual: "a", exit: 1)
        let xml = JUnitReport.xml(SampleResults.run(labs: [lab]))
        #expect(xml.contains("<system-out>script (labs/passing.md:9):\necho a\nexit 1\noutput:\na</system-out>"))
        #expect(xml.contains("<system-out>$ echo hi\nhi</system-out>"))
    }

    @Test func runningBlockIsAnErrorThatSaysSo() {
        var lab = SampleResults.passing
        lab.blocks[1].status = .running
        let xml = JUnitReport.xml(SampleResults.run(labs: [lab]))
        #expect(xml.contains(#"<error message="running" type="running">Did not finish (still running when the results were written, or interrupted)."#))
    }
}
