import Foundation
import LabFormat
import LabReports

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

    /// Runs one block (any kind) and returns its result.
    public func run(_ block: LabBlock) -> BlockResult {
        executor.execute(block)
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
