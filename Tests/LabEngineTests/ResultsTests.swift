import Foundation
import Testing
import LabEngine
import LabFormat
import LabReports
import LabResults

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

@Suite struct UnrunResultsTests {
    @Test func anInvalidLabIsAnErrorResultWithItsSourceAndEveryProblem() throws {
        let result = LabRunner.errorResult(path: "Labs/bad.md", source: "# Bad\n",
                                           error: "Labs/bad.md:3:1: one\nLabs/bad.md:5:2: two")
        #expect(result.status == .error && result.blocks.isEmpty && result.markdown == "# Bad\n")
        #expect(result.error == "Labs/bad.md:3:1: one\nLabs/bad.md:5:2: two")
        #expect(result.title == "bad.md")
    }

    @Test func aValidLabThatDidNotRunHasEveryBlockSkipped() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let lab = try h.lab("# Fine\n\n```sh {check #c points=2}\ntrue\n```\n")
        let result = LabRunner.notRunResult(lab, reason: "not run: another lab is invalid")
        #expect(result.status == .skipped && result.title == "Fine")
        #expect(result.blocks.map(\.status) == [.skipped])
        #expect(result.maxScore == 2 && result.score == 0)
        let results = LabRunner.results([result], options: LabRunOptions(mode: .grade, learner: "Al"), host: nil)
        #expect(results.mode == .grade && results.learner == "Al" && results.host.cgroupVersion == "unknown")
        // Reports accept it (the CLI writes them before exiting 2).
        #expect(try JSONReport.read(JSONReport.data(results)).labs == results.labs)
    }
}
