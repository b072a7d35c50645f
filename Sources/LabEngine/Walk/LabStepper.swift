import Foundation
import LabFormat
import LabReports
import LabResults

/// Runs single blocks of one lab on request, keeping the session (working directory,
/// captures, background blocks) between them: what `lab walk` drives, one key press at a time.
/// Works in the learner's namespace (ISOLAB_NAMESPACE or `default`) and removes nothing there.
public final class LabStepper {
    public let lab: Lab
    public let namespace: String
    private let session: LabSession
    private let executor: BlockExecutor

    public init(lab: Lab, host: ContainerHost, options: LabRunOptions,
                cancellation: RunCancellation = RunCancellation()) throws {
        self.lab = lab
        namespace = options.learnerNamespace
        session = try LabSession(namespace: namespace, options: options)
        executor = BlockExecutor(lab: lab, session: session, cancellation: cancellation, host: host)
    }

    deinit { finish() }

    /// Runs one block (any kind) and returns its result; `cancellation` (when given) stops this
    /// block alone, so the walk survives a Ctrl-C of one step.
    public func run(_ block: LabBlock, cancellation: RunCancellation? = nil) -> BlockResult {
        executor.execute(block, cancellation: cancellation)
    }

    /// Where the running block's commands, output and CPU samples go as they happen.
    public var live: BlockLiveOutput? {
        get { executor.live }
        set { executor.live = newValue }
    }

    /// The folder first on the commands' PATH (its `docker` is isolab).
    public var binDirectory: String { session.root + "/bin" }

    /// The scratch folder of this walk (removed by `finish`).
    public var scratchDirectory: String { session.root }

    /// The environment every command of the lab gets (the reset variables and the captures).
    public var environment: [String: String] { session.environment() }

    /// Runs a shell command line of the walk's own (listing containers) in the lab's
    /// environment and returns its output; nil when it did not exit 0.
    public func query(_ command: String, timeout: Double = 30) -> String? {
        // Not the learner's command: nothing of it is shown.
        let shown = executor.live
        executor.live = nil
        defer { executor.live = shown }
        let outcome = executor.run(command, environment: session.environment(), timeout: timeout,
                                   token: RunCancellation())
        return outcome.exitStatus == 0 ? outcome.output : nil
    }

    /// Stops the background blocks (before cleanup), keeping the session.
    public func stopBackground() {
        _ = executor.stopBackgroundJobs()
    }

    /// Runs a cleanup block even after an interrupt.
    public func runIgnoringCancellation(_ block: LabBlock) -> BlockResult {
        executor.execute(block, cancellation: RunCancellation())
    }

    /// Captures so far (saved with the walk's progress).
    public var captures: [String: String] { session.captures }

    /// Restores captures saved by an earlier walk.
    public func restore(captures: [String: String]) { session.commit(captures) }

    /// How often each block has failed so far (saved with the walk's progress, so that a resumed
    /// walk goes on with the next hint).
    public var failures: [String: Int] { executor.failures }

    /// Restores failure counts saved by an earlier walk.
    public func restore(failures: [String: Int]) { executor.failures.merge(failures) { max($0, $1) } }

    /// Stops background blocks and removes the scratch folder.
    public func finish() {
        _ = executor.stopBackgroundJobs()
        session.remove()
    }
}
