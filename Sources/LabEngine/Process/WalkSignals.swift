import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The walk's signals. SIGINT stops the running step (the callback cancels its token) and is
/// a key at a prompt; SIGTERM and SIGHUP stop the running step and end the walk; SIGWINCH
/// re-wraps. `SignalPipe`'s thread takes them and wakes the key reader through `wakeFD`, which
/// it polls beside the terminal. One instance at a time (like InterruptHandler).
public final class WalkSignals: @unchecked Sendable {
    /// Readable when `pendingKeys()` has something.
    public private(set) var wakeFD: Int32 = -1
    private var wakeWriteFD: Int32 = -1
    private var pipe: SignalPipe?
    private let lock = NSLock()
    private var pending: [WalkKey] = []

    /// - Parameter interruptStep: stops the running step; returns false when none runs.
    public init(interruptStep: @escaping @Sendable () -> Bool) {
        var wakeFDs: [Int32] = [-1, -1]
        guard GNUFunctions.pipe2(&wakeFDs, O_CLOEXEC | O_NONBLOCK) == 0 else { return }
        wakeFD = wakeFDs[0]
        wakeWriteFD = wakeFDs[1]
        do {
            pipe = try SignalPipe(signals: [SIGINT, SIGTERM, SIGHUP, SIGWINCH], threadName: "isolab walk signals") { [self] signal in
                switch signal {
                case SIGINT:
                    if !interruptStep() { post(.interrupt) }
                case SIGWINCH:
                    post(.resize)
                default:
                    _ = interruptStep()
                    post(.terminate)
                }
            }
        } catch {
            // Without the pipe the signals keep their default actions, and nothing wakes the reader.
            close(wakeFDs[0]); close(wakeFDs[1])
            wakeFD = -1; wakeWriteFD = -1
        }
    }

    private func post(_ key: WalkKey) {
        lock.withLock {
            // One resize stands for many: the last size is what counts.
            if key == .resize, pending.contains(.resize) { return }
            pending.append(key)
        }
        var byte: UInt8 = 1
        _ = write(wakeWriteFD, &byte, 1)
    }

    /// The signals' keys since the last call (terminate first), and the wake pipe drained.
    public func pendingKeys() -> [WalkKey] {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeFD, &buffer, buffer.count) > 0 {}
        let keys: [WalkKey] = lock.withLock { defer { pending.removeAll() }; return pending }
        return keys.contains(.terminate) ? [.terminate] : keys
    }

    /// Restores the default actions and stops the reading thread.
    public func uninstall() { pipe?.uninstall() }

    deinit { uninstall() }
}
