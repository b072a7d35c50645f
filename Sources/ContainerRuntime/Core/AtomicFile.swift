import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// State files are written to a temporary name, flushed and renamed, so a reader never sees
/// half a file and a crash leaves either the old or the new version.
public enum AtomicFile {
    /// `durable: false` skips the fsync for files that are rebuilt on every start (hostname,
    /// hosts): still never half-written, but not worth a disk flush on the start path.
    public static func write(_ data: Data, to path: String, mode: mode_t = 0o644, durable: Bool = true) throws {
        let tmp = path + ".tmp-\(getpid())"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw RuntimeError.errno("create", tmp) }
        defer { close(fd) }
        try data.withUnsafeBytes { raw in
            var off = 0
            while off < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + off, raw.count - off)
                if n < 0 { if errno == EINTR { continue }; throw RuntimeError.errno("write", tmp) }
                off += n
            }
        }
        if durable { guard fsync(fd) == 0 else { throw RuntimeError.errno("fsync", tmp) } }
        guard rename(tmp, path) == 0 else { let e = errno; unlink(tmp); throw RuntimeError.errno("rename to", path, e) }
    }

    public static func writeJSON<T: Encodable>(_ value: T, to path: String) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        enc.dateEncodingStrategy = .iso8601
        try write(try enc.encode(value), to: path)
    }

    public static func readJSON<T: Decodable>(_ type: T.Type, from path: String) throws -> T {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuntimeError(.notFound, "read \(path): no such file")
        }
        let dec = JSONDecoder()
        dec.dateDecodingStrategy = .iso8601
        do { return try dec.decode(T.self, from: data) } catch {
            throw RuntimeError(.failed, "parse \(path): \(error)")
        }
    }
}
