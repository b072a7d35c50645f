import LabFormat
import LabReports
import LabResults

/// What the walk's state machine asks of the world: run a block (showing it live), open the
/// learner's shell, list and remove the lab's containers, keep the progress and the results.
/// `LabWalkDriver` does it for real; tests use a fake.
public protocol WalkDriver: AnyObject {
    /// The isolab namespace of the walk's containers.
    var namespace: String { get }
    /// `export PATH=… ISOLAB_NAMESPACE=…`: what another terminal needs to work on this walk.
    var exportLine: String { get }
    /// Runs one block, its commands and output shown live; Ctrl-C stops only this block.
    func run(_ block: LabBlock) -> BlockResult
    /// Opens the learner's shell on the terminal and returns when it ends; an error text if it
    /// could not start.
    func openShell() -> String?
    /// Names of the containers in the walk's namespace.
    func containerNames() -> [String]
    /// Runs the lab's cleanup blocks and, when the walk made the namespace, removes it.
    func removeContainers() -> [BlockResult]
    /// Saves the progress for `--resume`.
    func save(_ progress: WalkProgress)
    /// Forgets the saved progress (the lab was finished).
    func forgetProgress()
    /// Writes the results JSON; returns its path, nil if it could not be written.
    func writeResults(_ progress: WalkProgress) -> String?
    /// Writes the HTML report; returns its path or why not.
    func writeHTML(_ progress: WalkProgress) -> Result<String, WalkDriverError>
}
