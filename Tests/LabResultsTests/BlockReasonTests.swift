import Foundation
import Testing
import LabFormat
@testable import LabResults

/// The words of every reason the engine records: the results file keeps them (its `message`),
/// so they must not change by accident.
@Suite struct BlockReasonTests {
    @Test func wordsOfEachReason() {
        #expect(BlockReason.timedOut(at: "a.md:3", after: 30).text == "a.md:3: timed out after 30s, killed")
        #expect(BlockReason.timedOut(at: "a.md:3", after: 0.5).text == "a.md:3: timed out after 500ms, killed")
        #expect(BlockReason.timedOut(at: "a.md:3", after: 1.25).text == "a.md:3: timed out after 1.25s, killed")
        #expect(BlockReason.exitStatus(at: "a.md:3", status: 2, expected: 0).text == "a.md:3: exit status 2, expected 0")
        #expect(BlockReason.exitStatus(at: "a.md:3", status: nil, expected: nil).text == "a.md:3: exit status none")
        #expect(BlockReason.outputMismatch(at: "a.md:3").text == "a.md:3: output does not match")
        #expect(BlockReason.partialScore(scored: 1.5, of: 2).text == "scored 1.5 of 2")
        #expect(BlockReason.scoreOutOfRange(at: "a.md:3", score: 9, points: 2, failLines: ["x"]).text
                == "a.md:3: SCORE: 9 is outside 0...2\nx")
        #expect(BlockReason.killedBySignal(at: "a.md:3", signal: 9, failLines: []).text
                == "a.md:3: the script was killed by signal 9")
        #expect(BlockReason.interrupted(at: "a.md:3", cause: nil).text == "a.md:3: interrupted")
        #expect(BlockReason.interrupted(at: nil, cause: .text("FAIL: x")).text == "interrupted: FAIL: x")
        #expect(BlockReason.interrupted(at: nil, cause: nil).text == "interrupted")
        #expect(BlockReason.answerTimedOut(at: "ans.md:4", after: 5).text
                == "the answer (ans.md:4) timed out after 5s and was killed")
        #expect(BlockReason.answerDidNotFinish(at: "ans.md:4", cause: nil).text == "the answer (ans.md:4) did not finish: error")
        #expect(BlockReason.failLines([]) == nil)
        let early = CommandResult(command: "stress", line: 4, expected: nil, expectedStatus: nil, actual: "no such file",
                                  exitStatus: 127, duration: 0, matched: true, diff: nil, timedOut: false)
        #expect(BlockReason.cpuOutOfRange(at: "a.md:3", subject: "container c1", mean: 0.5, expected: 0.9...1.1,
                                          earlyExits: [early]).text
                == "a.md:3: container c1 used 0.50 cores on average, expected 0.90..1.10\n`stress` exited early with status 127: no such file")
        #expect(BlockReason.noCPUSamples(at: "a.md:3", subject: "cgroup /x", error: nil).text == "a.md:3: no CPU samples of cgroup /x")
        #expect(BlockReason.setupFailed(id: "setup-1").text == "not run: setup block setup-1 failed (--fail-fast)")
        #expect(BlockReason.afterEarlierFailure.text == "skipped after an earlier failure (--fail-fast)")
        #expect(BlockReason.imagesMissing.text == "not run: the images are missing")
    }

    /// A results file keeps the words; reading them back gives the partial score again (the
    /// reports word it themselves otherwise), anything else as text equal to what was written.
    @Test func readingBackAMessage() throws {
        let partial = BlockReason(recorded: "scored 1 of 3", score: 1, maxScore: 3)
        #expect(partial.isPartialScore)
        #expect(!BlockReason(recorded: "scored 1 of 3", score: 2, maxScore: 3).isPartialScore)
        let block = BlockResult(id: "c", kind: .check, language: "sh", line: 1, column: 1, status: .failed,
                                duration: 0, attempts: 1, commands: [], score: 0, maxScore: 1,
                                reason: .timedOut(at: "a.md:1", after: 2), hint: nil, background: false, measure: nil)
        let data = try JSONEncoder().encode(block)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"message\":\"a.md:1: timed out after 2s, killed\""))
        #expect(!text.contains("reason"))
        let back = try JSONDecoder().decode(BlockResult.self, from: data)
        #expect(back == block)
        #expect(back.kind == .check)
    }
}
