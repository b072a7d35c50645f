#if canImport(Glibc)
import Glibc
#endif

/// Writes to standard output or error (Foundation's FileHandle is not in FoundationEssentials;
/// see CFormat). Errors are ignored, as FileHandle's `write` of a closed pipe would end the process.
public enum StandardStream {
    public static func out(_ text: String) { write(1, Array(text.utf8)) }
    public static func error(_ text: String) { write(2, Array(text.utf8)) }
    public static func out(bytes: some Collection<UInt8>) { write(1, Array(bytes)) }
    public static func error(bytes: some Collection<UInt8>) { write(2, Array(bytes)) }

    private static func write(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { b -> Int in
                guard let base = b.baseAddress else { return 0 }
                return Glibc.write(fd, base + offset, b.count - offset)
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            offset += n
        }
    }
}
