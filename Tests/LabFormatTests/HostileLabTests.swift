import Foundation
import Testing
@testable import LabFormat

/// Labs made to hurt: numbers no lab needs, files that are not labs. Every input is made here.
@Suite struct HostileLabTests {
    static func diagnostic(_ source: String) -> String? {
        FixtureLoader.diagnostics(source).first.map(\.description)
    }

    static let nines = String(repeating: "9", count: 400)

    @Test func fourHundredNinesOfPointsAreOutOfRange() {
        // Double("999…9") is +infinity: it passed `lab check` and trapped the run.
        #expect(Self.diagnostic("```sh {check points=\(Self.nines)}\ntrue\n```\n")
                == "lab.md:1:14: points=\(String(repeating: "9", count: 40))… out of range: at most 10000")
    }

    @Test(arguments: [
        ("```sh {check points=10001}\ntrue\n```\n", "lab.md:1:14: points=10001 out of range: at most 10000"),
        ("```sh {timeout=25h}\ntrue\n```\n", "lab.md:1:8: timeout=25h out of range: at most 24h"),
        ("```sh {timeout=\(HostileLabTests.nines)h}\ntrue\n```\n", "lab.md:1:8: timeout=\(String(repeating: "9", count: 40))… out of range: at most 24h"),
        ("```sh {retry=\(HostileLabTests.nines)ms}\ntrue\n```\n", "lab.md:1:8: retry=\(String(repeating: "9", count: 40))… out of range: at most 24h"),
        ("```sh {measure=cpu:c window=61m}\ntrue\n```\n", "lab.md:1:22: window=61m out of range: at most 1h"),
        ("```sh {measure=cpu:c expect-cores=0..\(HostileLabTests.nines)}\ntrue\n```\n",
         "lab.md:1:22: expect-cores=0..\(String(repeating: "9", count: 37))… out of range: at most 65536 cores"),
        ("```sh {measure=cpu:c expect-cores=0..70000}\ntrue\n```\n", "lab.md:1:22: expect-cores=0..70000 out of range: at most 65536 cores"),
    ])
    func attributeNumbersAreRangeChecked(source: String, expected: String) {
        #expect(Self.diagnostic(source) == expected)
    }

    @Test func limitsThemselvesAreAccepted() throws {
        let lab = try LabParser.parse(source: "```sh {check points=10000 timeout=24h retry=86400s}\ntrue\n```\n"
                                      + "```sh {measure=cpu:c window=1h expect-cores=0..65536}\ntrue\n```\n", path: "x.md")
        #expect(lab.blocks[0].points == 10000 && lab.blocks[0].timeout == 86400 && lab.blocks[0].retry == 86400)
        #expect(lab.blocks[1].measure == MeasureSpec(container: "c", window: 3600, expectedCores: 0...65536))
    }

    @Test func aMissingFileIsAnErrorOfThatFile() throws {
        let error = try #require(throws: LabValidationError.self) { try LabParser.parse(file: "/nonexistent/lab.md") }
        #expect(error.description == "/nonexistent/lab.md:1:1: cannot open the file: No such file or directory (errno 2)")
    }

    @Test func aFolderIsAnErrorOfThatPath() throws {
        let error = try #require(throws: LabValidationError.self) { try LabParser.parse(file: "/") }
        #expect(error.description == "/:1:1: cannot read the file: it is a folder")
    }

    @Test func aFileAboveTheLimitIsNotRead() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("isolab-big-\(UUID().uuidString).md").path
        try Data(repeating: UInt8(ascii: "a"), count: 3 << 20).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: LabValidationError.self) { try LabSourceFile.read(path, limit: 2 << 20) }
        #expect(error.description == "\(path):1:1: the file is larger than 2 MiB, the limit for a lab")
    }

    @Test func anEndlessFileStopsAtTheLimit() throws {
        // /dev/zero never ends: reading it whole would exhaust memory.
        let error = try #require(throws: LabValidationError.self) { try LabSourceFile.read("/dev/zero", limit: 1 << 20) }
        #expect(error.description == "/dev/zero:1:1: the file is larger than 1 MiB, the limit for a lab")
    }

    @Test func invalidUTF8IsAnError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("isolab-bad-\(UUID().uuidString).md").path
        try Data([0x23, 0x20, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: LabValidationError.self) { try LabParser.parse(file: path) }
        #expect(error.description == "\(path):1:1: the file is not UTF-8")
    }
}

/// Input nested or repeated as deep as it is long: nothing may recurse per level.
@Suite struct DeepLabTests {
    @Test func aHeadingOfDeepEmphasisIsATitle() throws {
        let deep = String(repeating: "**", count: 106_000) + "a" + String(repeating: "**", count: 106_000)
        let lab = try LabParser.parse(source: "# \(deep)\n\n```sh {check}\ntrue\n```\n", path: "x.md")
        #expect(lab.title == "a")
        #expect(lab.blocks.map(\.id) == ["check-1"])
    }

    @Test func aTranscriptOfTwoHundredThousandLinesMatchesWithoutRecursion() {
        let actual = (0..<200_000).map { "line \($0)" }
        var expected = actual.map { ExpectedLine(pattern: .literal($0), text: $0, line: 1) }
        #expect(TranscriptMatcher.match(expected, actual).matched)
        expected[199_999] = ExpectedLine(pattern: .literal("other"), text: "other", line: 1)
        #expect(!TranscriptMatcher.match(expected, actual).matched)
    }

    @Test func ellipsesBetweenManyLinesStayFast() {
        // `...` before a line that never comes: each start of the `...` is tried once.
        let actual = (0..<20_000).map { "line \($0)" }
        let expected = [ExpectedLine(pattern: .ellipsis, text: "...", line: 1),
                        ExpectedLine(pattern: .ellipsis, text: "...", line: 2),
                        ExpectedLine(pattern: .literal("never"), text: "never", line: 3)]
        #expect(!TranscriptMatcher.match(expected, actual).matched)
        let tail = [ExpectedLine(pattern: .ellipsis, text: "...", line: 1),
                    ExpectedLine(pattern: .regex("line (?<last>19999)"), text: "", line: 2)]
        #expect(TranscriptMatcher.match(tail, actual) == TranscriptMatch(matched: true, captures: ["last": "19999"]))
    }
}
