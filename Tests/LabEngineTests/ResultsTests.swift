import Foundation
import Testing
import LabEngine
import LabFormat
import LabReports

@Suite struct ResultsTests {
    @Test func resultsDescribeTheRunTheHostAndEveryLab() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let first = try h.lab("# First\n\n```sh {#a}\ntrue\n```\n", path: "Labs/a.md")
        let second = try h.lab("```console {check #b points=2}\n$ echo no\nyes\n```\n", path: "Labs/b.md")
        let runner = LabRunner(host: h.host, options: LabRunOptions(environment: ["PATH": "/usr/bin:/bin"], toolName: "isolab test"))
        let results = runner.run([first, second])
        #expect(results.tool == "isolab test" && results.mode == .run && results.learner == nil)
        #expect(results.host.cgroupVersion == "v2 (fake)")
        #expect(!results.host.kernel.isEmpty && !results.host.architecture.isEmpty)
        #expect(results.finishedAt >= results.startedAt)
        #expect(results.labs.map(\.path) == ["Labs/a.md", "Labs/b.md"])
        #expect(results.labs.map(\.title) == ["First", "b.md"])
        #expect(results.labs[0].markdown == first.source)
        #expect(results.labs.map(\.status) == [.passed, .failed])
        let b = try #require(results.labs[1].blocks.first)
        #expect(b.kind == .check && b.language == "console" && b.line == 1 && b.column == 1)
        #expect(b.maxScore == 2 && b.score == 0 && b.attempts == 1)
        #expect(b.commands.first?.expected == "yes" && b.commands.first?.expectedStatus == 0)
        #expect(b.commands.first?.actual == "no" && b.commands.first?.exitStatus == 0)
        #expect(h.host.prepareCount == 1, "images are prepared once per run")
        // The results are Codable (the reports' contract) and survive a round trip.
        let data = try JSONEncoder().encode(results)
        #expect(try JSONDecoder().decode(RunResults.self, from: data) == results)
    }
}
