import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The write end of the self-pipe; read by the handler's thread. Set before the signal handler
/// is installed and left alone while it is.
private nonisolated(unsafe) var interruptPipeWriteEnd: Int32 = -1

/// Async-signal-safe: one write(2) of the signal number.
private func interruptSignalHandler(_ signal: Int32) {
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(interruptPipeWriteEnd, &byte, 1)
}

/// Turns SIGINT and SIGTERM into `RunCancellation.cancel` while installed: the running group is
/// killed and the engine goes to cleanup instead of the process dying mid-lab.
///
/// A real handler writes to a self-pipe and a thread of ours reads it. (A Dispatch signal source
/// needs the signal ignored, and the kernel drops an ignored process-directed signal when the
/// thread it picks does not block it, so a source sees it only sometimes.) One handler at a time.
public final class InterruptHandler {
    private let signals: [Int32] = [SIGINT, SIGTERM]
    private var installed = false

    /// Installs the handlers; they stay until `uninstall` (or deinit).
    public init(cancellation: RunCancellation) {
        var fds: [Int32] = [-1, -1]
        guard GNUFunctions.pipe2(&fds, O_CLOEXEC) == 0 else {
            // Without the pipe, signals keep their default action: isolab dies, as before.
            FileHandle.standardError.write(Data("isolab: pipe2 for signal handling: \(String(cString: strerror(errno)))\n".utf8))
            return
        }

        _ = fcntl(fds[1], F_SETFL, O_NONBLOCK)
        interruptPipeWriteEnd = fds[1]
        let readEnd = fds[0]
        let thread = Thread {
            var byte: UInt8 = 0
            while true {
                let n = read(readEnd, &byte, 1)
                if n == 1 { cancellation.cancel(signal: Int32(byte)); continue }
                if n < 0, errno == EINTR { continue }
                break  // EOF: uninstalled
            }
            close(readEnd)
        }
        thread.name = "isolab signals"
        thread.start()
        for sig in signals { signal(sig, interruptSignalHandler) }
        installed = true
    }

    /// Restores the default actions and stops the reading thread.
    public func uninstall() {
        guard installed else { return }
        installed = false
        for sig in signals { signal(sig, SIG_DFL) }
        let writeEnd = interruptPipeWriteEnd
        interruptPipeWriteEnd = -1
        close(writeEnd)
    }

    deinit { uninstall() }
}
