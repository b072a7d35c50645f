import CArchive
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Copies a possibly compressed stream (gzip, xz, zstd... whatever libarchive knows) to a file,
/// decompressed, hashing the decompressed bytes: a layer's diffID is the digest of its plain tar.
enum TarIngest {
    enum Source {
        case path(String)
        /// `label` names the stream in errors: the user's file or `-`, never a temp path.
        case fd(Int32, label: String)

        var label: String {
            switch self {
            case .path(let p): return p
            case .fd(_, let label): return label
            }
        }
    }

    /// Writes the decompressed bytes of `source` to the new file `destination`.
    static func decompress(_ source: Source, to destination: String) throws -> (digest: String, bytes: Int64) {
        guard let reader = archive_read_new() else { throw RuntimeError(.failed, "archive_read_new: out of memory") }
        defer { archive_read_free(reader) }
        archive_read_support_filter_all(reader)
        archive_read_support_format_raw(reader)
        let label = source.label
        let rc: Int32
        switch source {
        case .path(let p): rc = archive_read_open_filename(reader, p, 1 << 16)
        case .fd(let fd, _): rc = archive_read_open_fd(reader, fd, 1 << 16)
        }
        guard rc == ARCHIVE_OK else { throw RuntimeError(.invalidArgument, "read \(label): \(TarWriter.errorString(reader))") }
        var entry: OpaquePointer?
        let header = archive_read_next_header(reader, &entry)
        let out = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard out >= 0 else { throw RuntimeError.errno("open", destination) }
        defer { close(out) }
        var digest = SHA256Digest()
        var total: Int64 = 0
        if header == ARCHIVE_OK || header == ARCHIVE_WARN {
            let chunk = 1 << 16
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
            defer { buffer.deallocate() }
            while true {
                let n = archive_read_data(reader, buffer, chunk)
                if n == 0 { break }
                guard n > 0 else { throw RuntimeError(.invalidArgument, "read \(label): \(TarWriter.errorString(reader))") }
                try FileIO.writeAll(out, buffer, count: n, path: destination)
                digest.update(buffer, count: n)
                total += Int64(n)
            }
        } else if header != ARCHIVE_EOF {
            throw RuntimeError(.invalidArgument, "read \(label): \(TarWriter.errorString(reader))")
        }
        guard fsync(out) == 0 else { throw RuntimeError.errno("fsync", destination) }
        return ("sha256:" + digest.finalizeHex(), total)
    }
}
