import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Text lines over the monitor's sync socket.
struct LineChannel {
    let fd: Int32

    /// The monitor's lines are a pid, "ok" or an error message of at most a few KiB.
    static let maxLine = 64 << 10

    /// Reads one line without its newline (cut at `maxLine` bytes); "" at end of file.
    func readLine() -> String {
        var bytes: [UInt8] = []
        var b: UInt8 = 0
        while bytes.count < Self.maxLine {
            let n = read(fd, &b, 1)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 || b == 10 { break }
            bytes.append(b)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Sends a line; false if the monitor is gone (MSG_NOSIGNAL: no SIGPIPE kills the CLI
    /// before it can clean up).
    @discardableResult
    func writeLine(_ s: String) -> Bool {
        let bytes = Array((s + "\n").utf8)
        var off = 0
        while off < bytes.count {
            let n = bytes[off...].withUnsafeBufferPointer { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 { if errno == EINTR { continue }; return false }
            off += n
        }
        return true
    }
}
