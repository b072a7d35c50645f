import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT and SIGTERM into `RunCancellation.cancel` while installed: the running group is
/// killed and the engine goes to cleanup instead of the process dying mid-lab. Built on
/// `SignalPipe` (a real handler and a self-pipe; see there why). One handler at a time.
public final class InterruptHandler {
    private var pipe: SignalPipe?

    /// Installs the handlers; they stay until `uninstall` (or deinit).
    public init(cancellation: RunCancellation) {
        do {
            pipe = try SignalPipe(signals: [SIGINT, SIGTERM], threadName: "isolab signals") { cancellation.cancel(signal: $0) }
        } catch let failure as SignalPipe.Failure {
            // Without the pipe, signals keep their default action: isolab dies, as before.
            try? FileHandle.standardError.write(contentsOf: Data("isolab: pipe2 for signal handling: \(String(cString: strerror(failure.code)))\n".utf8))
        } catch {}
    }

    /// Restores the default actions and stops the reading thread.
    public func uninstall() { pipe?.uninstall() }

    deinit { uninstall() }
}
