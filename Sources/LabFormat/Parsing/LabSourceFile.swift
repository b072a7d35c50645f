import Foundation
import Glibc

/// Reading a lab file: at most `LabLimits.maxLabBytes`, UTF-8, every failure as a diagnostic
/// of that file (a lab from elsewhere may be a FIFO, `/dev/zero` or a huge file).
public enum LabSourceFile {
    /// The file's text, or a `LabValidationError` naming the file.
    public static func read(_ path: String, limit: Int = LabLimits.maxLabBytes) throws -> String {
        func failure(_ message: String) -> LabValidationError {
            LabValidationError(diagnostics: [LabDiagnostic(file: path, location: SourceLocation(line: 1, column: 1),
                                                           message: message)])
        }
        func posix(_ operation: String) -> LabValidationError {
            let code = errno
            return failure("cannot \(operation) the file: \(String(cString: strerror(code))) (errno \(code))")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw posix("open") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw posix("stat") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw failure("cannot read the file: it is a folder") }
        // Reads block again once open: O_NONBLOCK was only so a FIFO without a writer cannot hang open.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw posix("read")
            }
            if n == 0 { break }
            guard bytes.count + n <= limit else {
                throw failure("the file is larger than \(limit >> 20) MiB, the limit for a lab")
            }
            bytes.append(contentsOf: buffer[0..<n])
        }
        guard let source = String(validating: bytes, as: UTF8.self) else { throw failure("the file is not UTF-8") }
        return source
    }
}
