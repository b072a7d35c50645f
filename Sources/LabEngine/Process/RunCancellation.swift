import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Stops a run from another thread (a signal handler's queue, a test): kills every process group
/// the run registered and tells the engine to go straight to cleanup.
public final class RunCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var signalNumber: Int32? = nil
    private var groups = Set<pid_t>()

    public init() {}

    /// True once `cancel` was called.
    public var isCancelled: Bool { lock.withLock { cancelled } }

    /// The signal that cancelled the run, if a signal did.
    public var signal: Int32? { lock.withLock { signalNumber } }

    /// Where a second cancel goes: cleanup runs under a token of its own so the first Ctrl-C
    /// cannot stop it, and a second Ctrl-C stops cleanup too.
    private var next: RunCancellation?

    /// Marks the run cancelled and SIGKILLs the process groups running now; when the run was
    /// already cancelled, cancels the token handed over by `escalate(to:)`.
    public func cancel(signal: Int32? = nil) {
        let (running, escalation): (Set<pid_t>, RunCancellation?) = lock.withLock {
            let again = cancelled
            cancelled = true
            if signalNumber == nil { signalNumber = signal }
            return (groups, again ? next : nil)
        }
        for group in running { _ = killpg(group, SIGKILL) }
        escalation?.cancel(signal: signal)
    }

    /// A later cancel of this token also cancels `token` (the cleanup's).
    func escalate(to token: RunCancellation) {
        lock.withLock { next = token }
    }

    /// Registers a running group; returns false (and kills it) when the run is already cancelled,
    /// so a group started while `cancel` ran cannot escape it.
    @discardableResult
    func register(_ group: pid_t) -> Bool {
        let alreadyCancelled: Bool = lock.withLock {
            groups.insert(group)
            return cancelled
        }
        if alreadyCancelled { _ = killpg(group, SIGKILL) }
        return !alreadyCancelled
    }

    func unregister(_ group: pid_t) {
        lock.withLock { _ = groups.remove(group) }
    }
}
