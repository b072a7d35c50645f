import CArchive
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Writes a tar stream (pax, uncompressed) to a file descriptor through libarchive, hashing the
/// bytes as they go out: the SHA-256 of a layer's uncompressed tar is its diffID.
final class TarWriter {
    /// Where the bytes go; libarchive's write callback reaches it through an unmanaged pointer.
    private final class Sink {
        let fd: Int32
        let label: String
        var digest = SHA256Digest()
        var bytes: Int64 = 0
        var failure: RuntimeError?
        init(fd: Int32, label: String) { self.fd = fd; self.label = label }
    }

    private let archive: OpaquePointer
    private let sink: Sink
    private var finished = false

    /// `label` names the destination in error messages. With `gzip` the stream is compressed
    /// (and the digest is then of the compressed bytes: an OCI blob digest, not a diffID).
    init(fd: Int32, label: String, gzip: Bool = false) throws {
        guard let a = archive_write_new() else { throw RuntimeError(.failed, "archive_write_new: out of memory") }
        archive = a
        sink = Sink(fd: fd, label: label)
        archive_write_set_format_pax_restricted(a)
        if gzip { archive_write_add_filter_gzip(a) }
        // No padding to 10 KiB records: the digest is of exactly the members and the end marker.
        archive_write_set_bytes_in_last_block(a, 1)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let rc = archive_write_open(a, context, nil, { _, ctx, buffer, length in
            guard let ctx, let buffer else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(ctx).takeUnretainedValue()
            do {
                try FileIO.writeAll(sink.fd, buffer, count: length, path: sink.label)
            } catch let e as RuntimeError {
                sink.failure = e
                return -1
            } catch {
                return -1
            }
            sink.digest.update(buffer, count: length)
            sink.bytes += Int64(length)
            return length
        }, nil)
        guard rc == ARCHIVE_OK else {
            let message = TarWriter.errorString(a)
            archive_write_free(a)
            throw RuntimeError(.failed, "tar: open \(label): \(message)")
        }
    }

    deinit {
        if !finished { archive_write_free(archive) }
    }

    /// Adds one member. Regular files take their bytes from `data`, from the file at `contentsOf`
    /// (a path isolab chose) or from the open file `file` (read from its current offset).
    func add(_ e: TarEntry, data: Data? = nil, contentsOf source: String? = nil, file: ImageFD? = nil) throws {
        guard let entry = archive_entry_new() else { throw RuntimeError(.failed, "archive_entry_new: out of memory") }
        defer { archive_entry_free(entry) }
        archive_entry_copy_pathname(entry, e.path)
        let type: mode_t
        switch e.kind {
        case .regular, .hardlink: type = S_IFREG
        case .directory: type = S_IFDIR
        case .symlink: type = S_IFLNK
        case .characterDevice: type = S_IFCHR
        case .blockDevice: type = S_IFBLK
        case .fifo: type = S_IFIFO
        }
        archive_entry_set_filetype(entry, UInt32(type))
        archive_entry_set_perm(entry, mode_t(e.mode & 0o7777))
        archive_entry_set_uid(entry, la_int64_t(e.uid))
        archive_entry_set_gid(entry, la_int64_t(e.gid))
        archive_entry_set_mtime(entry, time_t(e.mtime), e.mtimeNanoseconds)
        switch e.kind {
        case .symlink: archive_entry_copy_symlink(entry, e.linkTarget)
        case .hardlink: archive_entry_copy_hardlink(entry, e.linkTarget)
        case .characterDevice, .blockDevice:
            archive_entry_set_rdevmajor(entry, dev_t(e.deviceMajor))
            archive_entry_set_rdevminor(entry, dev_t(e.deviceMinor))
        default: break
        }
        let size: Int64 = e.kind == .regular ? (data.map { Int64($0.count) } ?? e.size) : 0
        archive_entry_set_size(entry, la_int64_t(size))
        for (name, value) in e.xattrs {
            value.withUnsafeBytes { raw in archive_entry_xattr_add_entry(entry, name, raw.baseAddress, raw.count) }
        }
        try check(archive_write_header(archive, entry), "write header of \(e.path)")
        guard e.kind == .regular, size > 0 else { return }
        if let data {
            try data.withUnsafeBytes { raw in try writeData(raw.baseAddress!, raw.count, member: e.path) }
        } else if let file {
            try copy(file.fd, label: file.label, size: size, member: e.path)
        } else if let source {
            let fd = open(source, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { throw RuntimeError.errno("open", source) }
            defer { close(fd) }
            try copy(fd, label: source, size: size, member: e.path)
        }
        // A file that shrank while it was read is padded with zeros by libarchive at the next header.
    }

    /// Writes the end-of-archive marker and returns the digest (`sha256:<hex>`) and byte count.
    @discardableResult
    func finish() throws -> (digest: String, bytes: Int64) {
        finished = true
        let rc = archive_write_close(archive)
        let message = TarWriter.errorString(archive)
        archive_write_free(archive)
        if let failure = sink.failure { throw failure }
        guard rc == ARCHIVE_OK else { throw RuntimeError(.failed, "tar: close \(sink.label): \(message)") }
        return ("sha256:" + sink.digest.finalizeHex(), sink.bytes)
    }

    private func copy(_ fd: Int32, label source: String, size: Int64, member: String) throws {
        var remaining = size
        let chunk = 1 << 16
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while remaining > 0 {
            let n = read(fd, buffer, Int(min(Int64(chunk), remaining)))
            if n < 0 {
                if errno == EINTR { continue }
                throw RuntimeError.errno("read", source)
            }
            if n == 0 { break }
            try writeData(buffer, n, member: member)
            remaining -= Int64(n)
        }
    }

    private func writeData(_ base: UnsafeRawPointer, _ count: Int, member: String) throws {
        var done = 0
        while done < count {
            let n = archive_write_data(archive, base + done, count - done)
            if n < 0 {
                if let failure = sink.failure { throw failure }
                throw RuntimeError(.failed, "tar: write \(member) to \(sink.label): \(TarWriter.errorString(archive))")
            }
            done += n
        }
    }

    private func check(_ rc: Int32, _ what: String) throws {
        if rc == ARCHIVE_OK || rc == ARCHIVE_WARN { return }
        if let failure = sink.failure { throw failure }
        throw RuntimeError(.failed, "tar: \(what) in \(sink.label): \(TarWriter.errorString(archive))")
    }

    static func errorString(_ a: OpaquePointer) -> String {
        archive_error_string(a).map { String(cString: $0) } ?? "unknown libarchive error"
    }
}
