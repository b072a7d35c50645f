import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The write end of the self-pipe; read by the pipe's thread. Set before the signal handler is
/// installed and left alone while it is.
private nonisolated(unsafe) var signalPipeWriteEnd: Int32 = -1

/// Async-signal-safe: one write(2) of the signal number.
private func signalPipeHandler(_ signal: Int32) {
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(signalPipeWriteEnd, &byte, 1)
}

/// Signals handed to a thread of ours while installed: a real handler writes the signal's number
/// to a self-pipe and the thread reads it and calls `onSignal`. (A Dispatch signal source needs
/// the signal ignored, and the kernel drops an ignored process-directed signal when the thread it
/// picks does not block it, so a source sees it only sometimes.) One instance at a time: it is
/// what InterruptHandler and WalkSignals are built on, and isolab installs one or the other.
final class SignalPipe {
    struct Failure: Error { let code: Int32 }

    private let signals: [Int32]
    private var installed = false

    /// Installs handlers for `signals`; they stay until `uninstall` (or deinit). Throws when the
    /// pipe cannot be made, and the signals keep their default actions.
    init(signals: [Int32], threadName: String, onSignal: @escaping @Sendable (Int32) -> Void) throws {
        self.signals = signals
        var fds: [Int32] = [-1, -1]
        guard GNUFunctions.pipe2(&fds, O_CLOEXEC) == 0 else { throw Failure(code: errno) }
        _ = fcntl(fds[1], F_SETFL, O_NONBLOCK)
        signalPipeWriteEnd = fds[1]
        let readEnd = fds[0]
        let thread = Thread {
            var byte: UInt8 = 0
            while true {
                let n = read(readEnd, &byte, 1)
                if n == 1 { onSignal(Int32(byte)); continue }
                if n < 0, errno == EINTR { continue }
                break  // EOF: uninstalled
            }
            close(readEnd)
        }
        thread.name = threadName
        thread.start()
        for sig in signals { signal(sig, signalPipeHandler) }
        installed = true
    }

    /// Restores the default actions and stops the reading thread.
    func uninstall() {
        guard installed else { return }
        installed = false
        for sig in signals { signal(sig, SIG_DFL) }
        let writeEnd = signalPipeWriteEnd
        signalPipeWriteEnd = -1
        close(writeEnd)
    }

    deinit { uninstall() }
}
