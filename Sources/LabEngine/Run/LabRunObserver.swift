import LabFormat
import LabResults

/// Events of a run, in order, on the engine's thread: for live output (the terminal reporter).
public protocol LabRunObserver: AnyObject {
    /// A lab begins; `blockCount` blocks will run.
    func labStarted(_ lab: Lab, namespace: String?, blockCount: Int)
    /// Block `index` (1-based) of `count` starts.
    func blockStarted(_ block: LabBlock, lab: Lab, index: Int, count: Int)
    /// Block `index` of `count` ended (or was skipped).
    func blockFinished(_ result: BlockResult, lab: Lab, index: Int, count: Int)
    /// The lab ended, cleanup included.
    func labFinished(_ result: LabResult, lab: Lab)
}
