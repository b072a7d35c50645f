import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Files written so that a reader sees the old version or the new one, never a part: a fresh
/// temporary file beside the target (O_EXCL), flushed, renamed over it, and the directory
/// flushed, so a crash at any point leaves one whole version. The image store and the
/// container state both write this way.
public enum AtomicFile {
    /// `durable: false` skips both flushes for files rebuilt on every start (hostname, hosts):
    /// still never half-written, but not worth a disk flush on the start path.
    public static func write(_ data: Data, to path: String, mode: mode_t = 0o644, durable: Bool = true) throws {
        let dir = PathName.parent(path)
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let temp = "\(dir)/.tmp-\(PathName.last(path))-\(suffix)"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw RuntimeError.errno("create", temp) }
        do {
            try FileIO.writeAll(fd, data, path: temp)
            if durable { guard fsync(fd) == 0 else { throw RuntimeError.errno("fsync", temp) } }
        } catch {
            close(fd); unlink(temp)
            throw error
        }
        close(fd)
        guard rename(temp, path) == 0 else {
            let e = RuntimeError.errno("rename \(temp) to", path)
            unlink(temp)
            throw e
        }
        if durable { try syncDirectory(dir) }
    }

    /// Makes a rename in `dir` durable.
    static func syncDirectory(_ dir: String) throws {
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw RuntimeError.errno("open", dir) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw RuntimeError.errno("fsync", dir) }
    }

    public static func writeJSON<T: Encodable>(_ value: T, to path: String, durable: Bool = true) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        // RFC 3339 with nanoseconds, so that inspect can print times as Docker does.
        enc.dateEncodingStrategy = .custom { date, encoder in
            let t = date.timeIntervalSince1970
            let whole = t.rounded(.down)
            let nanos = min(999_999_999, max(0, Int(((t - whole) * 1e9).rounded())))
            var c = encoder.singleValueContainer()
            try c.encode(LogTimestamp.format(seconds: Int64(whole), nanos: nanos))
        }
        try write(try enc.encode(value), to: path, durable: durable)
    }

    /// A JSON file of at most `limit` bytes.
    public static func readJSON<T: Decodable>(_ type: T.Type, from path: String, limit: Int) throws -> T {
        let data: Data
        do { data = try FileIO.read(path, limit: limit) } catch let e as RuntimeError where e.kind == .system(errno: ENOENT) {
            throw RuntimeError(.notFound(.file), "read \(path): no such file")
        }
        let dec = JSONDecoder()
        dec.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let text = try c.decode(String.self)
            guard let t = LogTimestamp.parseRFC3339(text) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an RFC 3339 time: \(text)")
            }
            return Date(timeIntervalSince1970: Double(t.seconds) + Double(t.nanos) / 1e9)
        }
        do { return try dec.decode(T.self, from: data) } catch {
            throw RuntimeError(.failed, "parse \(path): \(error)")
        }
    }
}
