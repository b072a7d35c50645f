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

    @Test func progressRoundTripsThroughItsFile() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let file = WalkProgress.file(for: "Labs/01-namespaces.md", home: h.scratch)
        #expect(file.hasPrefix(h.scratch + "/.isolab/walk/") && file.hasSuffix(".json"))
        #expect(try WalkProgress.load(from: file) == nil)
        let progress = WalkProgress(labPath: "Labs/01-namespaces.md", done: ["setup-1", "start"],
                                    scores: ["own-hostname": 2], captures: ["host1": "abc"])
        try progress.save(to: file)
        #expect(try WalkProgress.load(from: file) == progress)
    }
}
