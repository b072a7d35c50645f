import Testing
import LabReports
import LabResults

@Suite struct WalkScreenTests {
    @Test func outputCutInsideACharacterIsShownWhole() {
        var shown = ""
        let screen = WalkScreen(style: TerminalStyle(color: false, interactive: false), width: 80) { shown += $0 }
        let bytes = Array("a✓b".utf8)  // ✓ is three bytes
        screen.output(Array(bytes[0..<2]))
        screen.output(Array(bytes[2...]))
        #expect(shown == "a✓b")
    }

    @Test func aFailedCheckShowsItsFailLinesTheDiffAndTheHint() {
        var shown = ""
        let screen = WalkScreen(style: TerminalStyle(color: false, interactive: false), width: 80) { shown += $0 }
        let command = CommandResult(command: "docker exec box test -f /x", line: 9, expected: nil, expectedStatus: nil,
                                    actual: "FAIL: no /x", exitStatus: 1, duration: 0.1, matched: false, diff: nil, timedOut: false)
        screen.result(BlockResult(id: "task", kind: .check, language: "sh", line: 8, column: 1, status: .failed,
                                  duration: 0.1, attempts: 1, commands: [command], score: 0, maxScore: 2,
                                  reason: .text("no /x"), hint: "touch it", background: false, measure: nil),
                      labPath: "lab.md")
        #expect(shown.contains("✗ task 0.10s 0/2 points"))
        #expect(shown.contains("  FAIL: no /x\n"))
        #expect(shown.contains("  hint: touch it\n"))
    }
}
