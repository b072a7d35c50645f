import Foundation
import LabResults
import LabFormat
import Glibc   // isolab is Linux-only; Glibc.read/write because `read` is also a method here

/// Reading results files and writing reports, with errors that name the file and errno.
public enum ReportFiles {
    /// A results file written by `JSONReport.data`; `-` reads standard input.
    public static func readResults(_ path: String) throws -> RunResults {
        let data = try read(path, limit: LabLimits.maxResultsBytes)
        do {
            return try JSONReport.read(data)
        } catch let error as ReportError {
            throw ReportError(operation: error.operation, path: path, reason: error.reason)
        }
    }

    /// The whole file, at most `limit` bytes (a larger file is an error, not a truncated read:
    /// `/dev/zero` or a runaway file must not exhaust memory); `-` is standard input.
    public static func read(_ path: String, limit: Int) throws -> Data {
        let fd = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw posix("open", path) }
        defer { if fd != STDIN_FILENO { close(fd) } }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw posix("read", path)
            }
            if n == 0 { return data }
            guard data.count + n <= limit else {
                throw ReportError(operation: "read", path: path,
                                  reason: "larger than \(limit >> 20) MiB, the limit for this kind of file")
            }
            data.append(contentsOf: buffer[0..<n])
        }
    }

    /// Writes `text` to `path` through a temporary file in the same directory and a rename,
    /// so a reader (a browser, CI) never sees half a report; `-` writes standard output.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// The same for bytes (a JSON report).
    public static func write(_ data: Data, to path: String) throws {
        if path == "-" {
            try FileHandle.standardOutput.write(contentsOf: data)
            return
        }
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw posix("create", temporary) }
        var closed = false
        defer { if !closed { close(fd) } }
        var bytes = Array(data)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let error = posix("write", temporary)
                unlink(temporary)
                throw error
            }
            bytes = bytes.dropFirst(n)
        }
        closed = true
        guard close(fd) == 0 else {
            let error = posix("close", temporary)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = posix("rename \(temporary) to", path)
            unlink(temporary)
            throw error
        }
    }

    /// Appends `text` to `path`, creating it: for files other steps write too (GitHub Actions'
    /// `$GITHUB_OUTPUT`).
    public static func append(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw posix("open", path) }
        defer { close(fd) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw posix("write", path)
            }
            bytes = bytes.dropFirst(n)
        }
    }

    private static func posix(_ operation: String, _ path: String) -> ReportError {
        let code = errno
        return ReportError(operation: operation, path: path, reason: "\(String(cString: strerror(code))) (errno \(code))")
    }
}
