import Foundation
import Testing
import LabEngine
import LabFormat
import LabReports

@Suite struct WalkTests {
    @Test func stepperKeepsCapturesAndTheLearnersNamespaceBetweenBlocks() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let lab = try h.lab(#"""
            ```console {#name}
            $ echo "name: $ISOLAB_NAMESPACE"
            name: (?<ns>.+) (re)
            ```

            ```sh {check #again}
            test "$ns" = alice
            ```
            """#)
        let stepper = try LabStepper(lab: lab, host: h.host,
                                     options: LabRunOptions(mode: .walk, environment: ["PATH": "/usr/bin:/bin", "ISOLAB_NAMESPACE": "alice"]))
        defer { stepper.finish() }
        #expect(stepper.namespace == "alice")
        #expect(stepper.run(try #require(lab.block(id: "name"))).status == .passed)
        #expect(stepper.captures == ["ns": "alice"])
        #expect(stepper.run(try #require(lab.block(id: "again"))).score == 1)
        #expect(h.host.removedNamespaces.isEmpty)
    }

    /// Tiered hints: each failure of a check in one walk shows the next hint, the last one stays,
    /// a pass shows none, and a restored walk goes on where it was.
    @Test func eachFailureShowsTheNextHint() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let lab = try h.lab(#"""
            ```sh {check #made hint="one" hint="two" hint="three"}
            test -f @S@/made
            ```
            """#)
        let check = try #require(lab.block(id: "made"))
        let options = LabRunOptions(mode: .walk, environment: ["PATH": "/usr/bin:/bin", "ISOLAB_NAMESPACE": "alice"])
        let stepper = try LabStepper(lab: lab, host: h.host, options: options)
        defer { stepper.finish() }
        #expect((1...4).map { _ in stepper.run(check).hint } == ["one", "two", "three", "three"])
        #expect(stepper.failures == ["made": 4])
        let resumed = try LabStepper(lab: lab, host: h.host, options: options)
        defer { resumed.finish() }
        resumed.restore(failures: ["made": 1])
        #expect(resumed.run(check).hint == "two")
        FileManager.default.createFile(atPath: h.scratch + "/made", contents: nil)
        let passed = stepper.run(check)
        #expect(passed.status == .passed && passed.hint == nil)
    }

    /// A run fails a check once: its report shows the first hint.
    @Test func aRunShowsTheFirstHint() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let result = try h.run(#"""
            ```sh {check #made hint="one" hint="two"}
            false
            ```
            """#)
        #expect(result.block("made")?.hint == "one")
    }

    /// Progress files written before failure counts existed still load.
    @Test func progressWithoutFailuresLoads() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let file = h.scratch + "/old.json"
        try Data(#"{"labPath":"a.md","done":["x"],"scores":{},"captures":{}}"#.utf8).write(to: URL(fileURLWithPath: file))
        #expect(try WalkProgress.load(from: file) == WalkProgress(labPath: "a.md", done: ["x"]))
    }

    @Test func progressRoundTripsThroughItsFile() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let file = WalkProgress.file(for: "Labs/01-namespaces.md", home: h.scratch)
        #expect(file.hasPrefix(h.scratch + "/.isolab/walk/") && file.hasSuffix(".json"))
        #expect(try WalkProgress.load(from: file) == nil)
        let progress = WalkProgress(labPath: "Labs/01-namespaces.md", done: ["setup-1", "start"],
                                    scores: ["own-hostname": 2], captures: ["host1": "abc"],
                                    failures: ["own-hostname": 2])
        try progress.save(to: file)
        #expect(try WalkProgress.load(from: file) == progress)
    }
}
