import Foundation
import Testing
import LabEngine
import LabFormat
import LabReports
import LabResults

@Suite struct WalkMachineTests {
    static let source = #"""
        # Lab 9: A walk

        Some *prose* first.

        <!-- lab:setup
        echo setting up
        -->

        ```console {#start}
        $ docker run -d --name box busybox \
        > sleep 3600
        [0-9a-f]{64} (re)
        ```

        Now you.

        ```sh {check #task points=2 hint="touch it"}
        docker exec box test -f /x || { echo "FAIL: no /x"; exit 1; }
        ```

        <!-- lab:solution for=#task
        docker exec box touch /x
        -->

        <!-- lab:cleanup
        docker rm -f box
        -->
        """#

    func machine(_ recorder: inout WalkRecorder?, progress: WalkProgress? = nil,
                 options: WalkMachine.Options = .init()) throws -> WalkMachine {
        let lab = try LabParser.parse(source: Self.source, path: "Labs/09.md")
        let r = WalkRecorder(lab: lab)
        recorder = r
        return WalkMachine(document: WalkDocument(lab: lab), progress: progress ?? WalkProgress(labPath: "Labs/09.md"),
                           driver: r, output: r, options: options)
    }

    @Test func stepsShowAsTypedThenRunOnEnterAndTheExerciseOffersTheShell() throws {
        var r: WalkRecorder?
        let m = try machine(&r)
        let rec = try #require(r)
        m.start()
        #expect(rec.ran == ["setup-1"])
        #expect(rec.events.contains("header Lab 9 · step 1/2 · 0/2 points"))
        #expect(rec.events.contains("commands Step start: $ docker run -d --name box busybox \\ | > sleep 3600"))
        #expect(!rec.events.joined().contains("```") && !rec.events.joined().contains("{#"))
        #expect(m.state == .atBlock(0))
        m.handle(.enter)
        #expect(rec.ran == ["setup-1", "start"])
        #expect(m.state == .atBlock(1))
        #expect(rec.events.contains("exercise export PATH=/bin ISOLAB_NAMESPACE=walk-test"))
        #expect(rec.events.last?.hasPrefix("prompt ! shell · Enter grade") == true)
        m.handle(.character("!"))
        #expect(rec.shells == 1)
        #expect(rec.ran.last == "task")  // leaving the shell grades
        #expect(m.state == .askingReport)
        #expect(rec.events.contains { $0.hasPrefix("summary 2.0/2.0") })
        m.handle(.character("n"))
        #expect(m.isFinished && m.exitStatus == 0)
        #expect(rec.removals == 1 && rec.forgotten)
    }

    @Test func theSolutionIsOfferedAfterTheSecondFailureAndRecorded() throws {
        var r: WalkRecorder?
        let m = try machine(&r)
        let rec = try #require(r)
        rec.scripted["task"] = [.failed, .failed]
        m.start()
        m.handle(.enter)
        m.handle(.enter)
        #expect(rec.events.contains("result task failed 0.0"))
        m.handle(.character("?"))  // too early: one failure
        #expect(!rec.events.contains { $0.hasPrefix("solution") })
        m.handle(.character("r"))
        #expect(rec.events.last?.contains("? show the solution") == true)
        m.handle(.character("?"))
        #expect(rec.events.contains("solution $ docker exec box touch /x"))
        #expect(m.progress.solutionShown == ["task"])
        #expect(rec.saved?.solutionShown == ["task"])
        #expect(m.progress.results.first { $0.id == "task" }?.solutionShown == true)
        m.handle(.enter)  // passes now
        #expect(rec.events.contains { $0.hasPrefix("summary 2.0/2.0 task:shown") })
    }

    @Test func quitKeepsOrRemovesTheContainersAndSaysWhichStay() throws {
        var r: WalkRecorder?
        var m = try machine(&r)
        var rec = try #require(r)
        m.start()
        m.handle(.enter)
        m.handle(.character("q"))
        #expect(m.state == .quitting(1))
        #expect(rec.events.contains("note Containers of this walk (namespace walk-test): box"))
        m.handle(.character("c"))
        #expect(m.state == .atBlock(1))
        m.handle(.interrupt)  // Ctrl-C at a prompt asks too
        #expect(m.state == .quitting(1))
        m.handle(.character("k"))
        #expect(m.isFinished && m.exitStatus == 1 && rec.removals == 0)
        #expect(rec.events.contains("note Kept in namespace walk-test: box"))
        let kept = try #require(rec.saved)
        #expect(kept.done == ["setup-1", "start"])

        // Resume: setup and start are done, the walk is back at the exercise.
        m = try machine(&r, progress: kept)
        rec = try #require(r)
        m.start()
        #expect(rec.ran.isEmpty)
        #expect(m.state == .atBlock(1))
        #expect(rec.events.contains("note Resuming at task (1 of 2 done)."))
        m.handle(.character("q"))
        m.handle(.character("r"))
        #expect(rec.removals == 1 && m.isFinished)
        #expect(rec.events.contains("note Removed; nothing of this walk is left running."))
        #expect(rec.saved?.done == [])
    }

    @Test func resizeRedrawsTerminateSavesAndStepStartsWhereAsked() throws {
        var r: WalkRecorder?
        let m = try machine(&r, options: .init(startAt: "task", keep: true))
        let rec = try #require(r)
        m.start()
        #expect(m.state == .atBlock(1))
        m.handle(.resize)
        #expect(rec.events.last == "redraw")
        m.handle(.terminate)
        #expect(m.isFinished && m.exitStatus == 143)
        #expect(rec.saved != nil && rec.removals == 0)
    }

    @Test func keysDecodeFromTerminalBytes() {
        #expect(WalkKey.decode([0x0d]) == .enter)
        #expect(WalkKey.decode([0x03]) == .interrupt)
        #expect(WalkKey.decode([0x51]) == .character("q"))
        #expect(WalkKey.decode([]) == .endOfInput)
        #expect(WalkKey.decode([0x1b, 0x5b, 0x41]) == nil)
    }

    @Test func olderProgressFilesStillDecode() throws {
        let old = #"{"labPath":"Labs/01.md","done":["start"],"scores":{"c":1},"captures":{}}"#
        let progress = try JSONDecoder().decode(WalkProgress.self, from: Data(old.utf8))
        #expect(progress.done == ["start"] && progress.namespace == "" && progress.solutionShown == [])
        // A results block of an older version has no solutionShown: it decodes as not shown.
        let block = #"{"id":"c","kind":"check","language":"sh","line":1,"column":1,"status":"passed","duration":0,"attempts":1,"commands":[],"score":1,"maxScore":1,"background":false}"#
        let result = try JSONDecoder().decode(BlockResult.self, from: Data(block.utf8))
        #expect(result.solutionShown == nil)
    }
}
