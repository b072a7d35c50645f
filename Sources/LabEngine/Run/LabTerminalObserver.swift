import LabFormat
import LabReports
import LabResults

/// Forwards the engine's events to the terminal reporter (LabReports cannot see LabEngine).
public final class LabTerminalObserver: LabRunObserver {
    public let reporter: TerminalReporter

    public init(reporter: TerminalReporter) { self.reporter = reporter }

    public func labStarted(_ lab: Lab, namespace: String?, blockCount: Int) {
        reporter.labStarted(path: lab.path, title: lab.title, blockCount: blockCount, namespace: namespace)
    }

    public func blockStarted(_ block: LabBlock, lab: Lab, index: Int, count: Int) {
        reporter.blockStarted(id: block.id, index: index, count: count)
    }

    public func blockFinished(_ result: BlockResult, lab: Lab, index: Int, count: Int) {
        reporter.blockFinished(result, labPath: lab.path, index: index, count: count)
    }

    public func labFinished(_ result: LabResult, lab: Lab) {
        reporter.labFinished(result)
    }
}
