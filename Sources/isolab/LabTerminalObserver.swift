import LabEngine
import LabFormat
import LabReports

/// Forwards the engine's events to the terminal reporter (LabReports cannot see LabEngine).
final class LabTerminalObserver: LabRunObserver {
    let reporter: TerminalReporter

    init(reporter: TerminalReporter) { self.reporter = reporter }

    func labStarted(_ lab: Lab, namespace: String?, blockCount: Int) {
        reporter.labStarted(path: lab.path, title: lab.title, blockCount: blockCount, namespace: namespace)
    }

    func blockStarted(_ block: LabBlock, lab: Lab, index: Int, count: Int) {
        reporter.blockStarted(id: block.id, index: index, count: count)
    }

    func blockFinished(_ result: BlockResult, lab: Lab, index: Int, count: Int) {
        reporter.blockFinished(result, labPath: lab.path, index: index, count: count)
    }

    func labFinished(_ result: LabResult, lab: Lab) {
        reporter.labFinished(result)
    }
}
