import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The write end of the walk's signal pipe; set before its handler is installed.
private nonisolated(unsafe) var walkSignalPipeWriteEnd: Int32 = -1

/// Async-signal-safe: one write(2) of the signal number.
private func walkSignalHandler(_ signal: Int32) {
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(walkSignalPipeWriteEnd, &byte, 1)
}

/// The walk's signals. SIGINT stops the running step (the callback cancels its token) and is
/// a key at a prompt; SIGTERM and SIGHUP stop the running step and end the walk; SIGWINCH
/// re-wraps. A thread of ours reads the handler's self-pipe and wakes the key reader through
/// `wakeFD`, which it polls beside the terminal. One instance at a time (like InterruptHandler).
public final class WalkSignals: @unchecked Sendable {
    /// Readable when `pendingKeys()` has something.
    public private(set) var wakeFD: Int32 = -1
    private var wakeWriteFD: Int32 = -1
    private let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGWINCH]
    private var installed = false
    private let lock = NSLock()
    private var pending: [WalkKey] = []

    /// - Parameter interruptStep: stops the running step; returns false when none runs.
    public init(interruptStep: @escaping @Sendable () -> Bool) {
        var signalFDs: [Int32] = [-1, -1]
        var wakeFDs: [Int32] = [-1, -1]
        guard GNUFunctions.pipe2(&signalFDs, O_CLOEXEC) == 0 else { return }
        guard GNUFunctions.pipe2(&wakeFDs, O_CLOEXEC | O_NONBLOCK) == 0 else {
            close(signalFDs[0]); close(signalFDs[1]); return
        }
        _ = fcntl(signalFDs[1], F_SETFL, O_NONBLOCK)
        walkSignalPipeWriteEnd = signalFDs[1]
        wakeFD = wakeFDs[0]
        wakeWriteFD = wakeFDs[1]
        let readEnd = signalFDs[0]
        let thread = Thread { [self] in
            var byte: UInt8 = 0
            while true {
                let n = read(readEnd, &byte, 1)
                if n < 0, errno == EINTR { continue }
                guard n == 1 else { break }
                switch Int32(byte) {
                case SIGINT:
                    if !interruptStep() { post(.interrupt) }
                case SIGWINCH:
                    post(.resize)
                default:
                    _ = interruptStep()
                    post(.terminate)
                }
            }
            close(readEnd)
        }
        thread.name = "isolab walk signals"
        thread.start()
        for sig in signals { signal(sig, walkSignalHandler) }
        installed = true
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
    public func uninstall() {
        guard installed else { return }
        installed = false
        for sig in signals { signal(sig, SIG_DFL) }
        let writeEnd = walkSignalPipeWriteEnd
        walkSignalPipeWriteEnd = -1
        close(writeEnd)
    }

    deinit { uninstall() }
}
