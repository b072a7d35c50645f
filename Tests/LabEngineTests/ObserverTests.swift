import Foundation
import Testing
import LabEngine
import LabFormat
import LabReports
import LabResults

final class RecordingObserver: LabRunObserver {
    var events: [String] = []
    func labStarted(_ lab: Lab, namespace: String?, blockCount: Int) { events.append("lab \(blockCount)") }
    func blockStarted(_ block: LabBlock, lab: Lab, index: Int, count: Int) { events.append("start \(index)/\(count) \(block.id)") }
    func blockFinished(_ result: BlockResult, lab: Lab, index: Int, count: Int) { events.append("end \(index)/\(count) \(result.id) \(result.status.rawValue)") }
    func labFinished(_ result: LabResult, lab: Lab) { events.append("done \(result.status.rawValue)") }
}

@Suite struct ObserverTests {
    @Test func eventsComeInOrderWithPositions() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let observer = RecordingObserver()
        _ = try h.run(#"""
            ```sh {#a}
            true
            ```

            ```sh {check #b}
            false
            ```

            <!-- lab:solution for=#b
            true
            -->
            """#, options: LabRunOptions(failFast: true), observer: observer)
        #expect(observer.events == [
            "lab 3",
            "start 1/3 a", "end 1/3 a passed",
            "start 2/3 solution-1", "end 2/3 solution-1 passed",
            "start 3/3 b", "end 3/3 b failed",
            "done failed",
        ])
    }
}
