import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads the learner's keys from the terminal (non-canonical mode) and the signals' keys,
/// whichever comes first.
public final class WalkKeyReader {
    private let fd: Int32
    private let signals: WalkSignals?
    private var queued: [WalkKey] = []

    public init(fd: Int32 = 0, signals: WalkSignals?) {
        self.fd = fd; self.signals = signals
    }

    /// The next key; blocks until there is one.
    public func next() -> WalkKey {
        while true {
            if !queued.isEmpty { return queued.removeFirst() }
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
            if let wake = signals?.wakeFD, wake >= 0 { fds.append(pollfd(fd: wake, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return .endOfInput
            }
            if fds.count > 1, fds[1].revents != 0, let signals {
                queued += signals.pendingKeys()
                continue
            }
            guard fds[0].revents != 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 64)
            let n = read(fd, &buffer, buffer.count)
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .endOfInput
            }
            if n == 0 { return .endOfInput }
            let bytes = Array(buffer[0..<n])
            // An escape sequence (an arrow key) is no key of the walk's.
            if bytes[0] == 0x1b, bytes.count > 1 { continue }
            // Keys typed quickly (or sent by tmux) arrive together: each byte is one key.
            queued += bytes.compactMap { WalkKey.decode([$0]) }
        }
    }
}
