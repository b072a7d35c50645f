import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// read(2)/write(2) loops for the whole runtime (state files, cgroupfs, layers), each failure
/// naming the operation, the path and errno. `read(_:limit:)` is also the CLI's reader of the
/// files a user names (`--env-file`, `--security-opt seccomp=FILE`), so there is one bounded reader.
public enum FileIO {
    /// Writes all of `count` bytes at `base`, retrying on EINTR and short writes.
    static func writeAll(_ fd: Int32, _ base: UnsafeRawPointer, count: Int, path: String,
                         operation: String = "write") throws {
        var done = 0
        while done < count {
            let n = Glibc.write(fd, base + done, count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw RuntimeError.errno(operation, path)
            }
            done += n
        }
    }

    static func writeAll(_ fd: Int32, _ data: Data, path: String, operation: String = "write") throws {
        try data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            try writeAll(fd, base, count: raw.count, path: path, operation: operation)
        }
    }

    /// The whole file.
    static func read(_ path: String) throws -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RuntimeError.errno("open", path) }
        defer { close(fd) }
        var data = Data()
        let chunk = 1 << 16
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = Glibc.read(fd, buffer, chunk)
            if n < 0 {
                if errno == EINTR { continue }
                throw RuntimeError.errno("read", path)
            }
            if n == 0 { return data }
            data.append(buffer.assumingMemoryBound(to: UInt8.self), count: n)
        }
    }

    /// A regular file of at most `limit` bytes. The runtime's own state, config and /proc files
    /// are small, and so are the files a user hands the CLI; one that is not (a FIFO, a device, a
    /// file grown without bound) is refused with its path instead of blocking or filling memory.
    /// Failures: `open`/`stat`/`read` with errno (a directory is `read` EISDIR, what read(2)
    /// would say), `read` for another kind of file, `size limit` for a file over `limit`.
    public static func read(_ path: String, limit: Int) throws -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw RuntimeError.errno("open", path) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw RuntimeError.errno("stat", path) }
        if st.st_mode & S_IFMT == S_IFDIR { throw RuntimeError.errno("read", path, EISDIR) }
        guard st.st_mode & S_IFMT == S_IFREG else {
            throw RuntimeError(.failed, "read \(path): not a regular file", operation: "read", path: path)
        }
        var data = Data()
        let chunk = 1 << 16
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = Glibc.read(fd, buffer, min(chunk, limit + 1 - data.count))
            if n < 0 {
                if errno == EINTR { continue }
                throw RuntimeError.errno("read", path)
            }
            if n == 0 { return data }
            data.append(buffer.assumingMemoryBound(to: UInt8.self), count: n)
            if data.count > limit {
                throw RuntimeError(.failed, "read \(path): larger than \(limit) bytes, refused", operation: "size limit", path: path)
            }
        }
    }
}
