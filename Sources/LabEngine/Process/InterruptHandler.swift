import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT and SIGTERM into `RunCancellation.cancel` while installed: the running group is
/// killed and the engine goes to cleanup instead of the process dying mid-lab.
public final class InterruptHandler {
    private var sources: [DispatchSourceSignal] = []
    private let queue = DispatchQueue(label: "isolab.lab.signals")
    private let signals: [Int32] = [SIGINT, SIGTERM]

    /// Installs the handlers; they stay until `uninstall` (or deinit).
    public init(cancellation: RunCancellation) {
        for sig in signals {
            // The default action would kill us before the source sees the signal.
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
            source.setEventHandler { cancellation.cancel(signal: sig) }
            source.resume()
            sources.append(source)
        }
    }

    /// Restores the default actions.
    public func uninstall() {
        for source in sources { source.cancel() }
        sources.removeAll()
        for sig in signals { signal(sig, SIG_DFL) }
    }

    deinit { uninstall() }
}
