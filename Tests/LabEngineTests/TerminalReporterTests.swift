import Foundation
import Testing
import LabReports
import LabResults
import LabFormat

/// Collects what the reporter writes.
final class TextSink: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""
    func write(_ s: String) { lock.withLock { buffer += s } }
    var text: String { lock.withLock { buffer } }
}

@Suite struct TerminalReporterTests {
    static func block(_ id: String, _ status: Status, kind: LabBlockKind = .step, diff: String? = nil,
                      message: String? = nil, hint: String? = nil, score: Double = 0, maxScore: Double = 0) -> BlockResult {
        BlockResult(id: id, kind: kind, language: "console", line: 3, column: 1, status: status, duration: 0.214,
                    attempts: 1,
                    commands: [CommandResult(command: "ls", line: 4, expected: "a", expectedStatus: 0, actual: "b",
                                             exitStatus: 0, duration: 0.2, matched: diff == nil, diff: diff, timedOut: false)],
                    score: score, maxScore: maxScore, reason: message.map { .text($0) }, hint: hint, background: false, measure: nil)
    }

    @Test func plainOutputHasALinePerBlockAndTheDiffOnFailure() {
        let sink = TextSink()
        let reporter = TerminalReporter(style: TerminalStyle(color: false, interactive: false), write: sink.write)
        reporter.blockFinished(Self.block("mnt", .passed), labPath: "Labs/01.md", index: 3, count: 12)
        reporter.blockFinished(Self.block("uts", .failed, kind: .check, diff: "--- expected Labs/01.md:42\n+++ actual\n-a\n+b",
                                          message: "Labs/01.md:42: output does not match", hint: "use --hostname",
                                          maxScore: 2),
                               labPath: "Labs/01.md", index: 4, count: 12)
        #expect(sink.text == """
            [3/12] ✓ mnt 0.21s
            [4/12] ✗ uts 0.21s 0/2 pt
                Labs/01.md:42: output does not match
                --- expected Labs/01.md:42
                +++ actual
                -a
                +b
                hint: use --hostname

            """)
        #expect(!sink.text.contains("\u{1B}"), "no colour off a terminal")
    }

    @Test func quietPrintsOnlyFailuresAndColourFollowsTheStyle() {
        let sink = TextSink()
        let reporter = TerminalReporter(style: TerminalStyle(color: true, interactive: false), quiet: true, write: sink.write)
        reporter.labStarted(path: "Labs/01.md", title: "Lab 1", blockCount: 2, namespace: "lab-1")
        reporter.blockFinished(Self.block("ok", .passed), labPath: "Labs/01.md", index: 1, count: 2)
        #expect(sink.text.isEmpty)
        reporter.blockFinished(Self.block("bad", .timedOut, message: "timed out"), labPath: "Labs/01.md", index: 2, count: 2)
        #expect(sink.text.contains("\u{1B}[31m"))
        #expect(sink.text.contains("bad"))
    }

    @Test func noColorTurnsColourOff() {
        #expect(TerminalStyle.detect(fd: 1, environment: ["NO_COLOR": "1"]).color == false)
        // A pipe is never a terminal.
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        let style = TerminalStyle.detect(fd: fds[1], environment: [:])
        #expect(!style.color && !style.interactive)
    }

    @Test func gradePrintsALinePerCheckAndTheTotal() {
        let sink = TextSink()
        let reporter = TerminalReporter(style: TerminalStyle(color: false, interactive: false), write: sink.write)
        let lab = LabResult(path: "l.md", title: "L", markdown: "", status: .failed, error: nil, duration: 1,
                            blocks: [Self.block("a", .passed, kind: .check, score: 5, maxScore: 5),
                                     Self.block("b", .failed, kind: .check, message: "missing", hint: "look", score: 2, maxScore: 5)],
                            namespace: "default")
        let results = RunResults(tool: "isolab", mode: .grade, learner: nil, startedAt: Date(), finishedAt: Date(),
                                 host: HostFacts(hostname: "h", kernel: "k", cgroupVersion: "v2", architecture: "x"),
                                 labs: [lab])
        reporter.grade(results)
        #expect(sink.text == "✓ a 5/5\n✗ b 2/5 — missing\n    hint: look\n7/10\n")
    }

    @Test func controlBytesFromOutputAndTheLabAreShownNotSent() {
        let sink = TextSink()
        let reporter = TerminalReporter(style: TerminalStyle(color: false, interactive: false), write: sink.write)
        let hostile = "x\u{1B}]0;owned\u{07}\u{0E}\u{8}y"
        var block = Self.block("id\u{1B}[2J", .failed, kind: .check, diff: "--- expected l.md:4\n+++ actual\n-a\n+" + hostile,
                               message: "FAIL: " + hostile, hint: "hint\u{1B}c", maxScore: 1)
        reporter.labStarted(path: "l\u{1B}.md", title: "T\u{1B}]2;t\u{07}", blockCount: 1, namespace: nil)
        reporter.blockFinished(block, labPath: "l.md", index: 1, count: 1)
        block.commands[0].diff = nil
        block.commands[0].actual = "out\t" + hostile + "\nline two"
        reporter.blockFinished(block, labPath: "l.md", index: 1, count: 1)
        let text = sink.text
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(text.contains("T^[]2;t^G  l^[.md"))
        #expect(text.contains("✗ id^[[2J"))
        #expect(text.contains("    FAIL: x^[]0;owned^G^N^Hy\n"))
        #expect(text.contains("    +x^[]0;owned^G^N^Hy\n"))
        #expect(text.contains("    | out\tx^[]0;owned^G^N^Hy\n    | line two\n"))
        #expect(text.contains("hint: hint^[c"))
    }
}
