import CArchive
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Unpacks a tar (plain or compressed: libarchive detects the filter) into a directory.
///
/// In `.layer` mode, OCI whiteouts become overlayfs ones: `.wh.<name>` a character device 0/0
/// named `<name>`, `.wh..wh..opq` the xattr `trusted.overlay.opaque="y"` on its directory;
/// owners, modes, times and xattrs are kept. In `.plain` mode (the outer tar of `docker save`)
/// only directories, regular files and symlinks are written, owned by the caller.
struct TarExtractor {
    enum Mode { case layer, plain }
    let mode: Mode

    /// Extracts `source` (a path) under `destination` (an existing directory without symlinks in
    /// its path) and returns the bytes of regular files written.
    @discardableResult
    func extract(_ source: String, into destination: String) throws -> Int64 {
        guard let reader = archive_read_new() else { throw RuntimeError(.failed, "archive_read_new: out of memory") }
        defer { archive_read_free(reader) }
        archive_read_support_filter_all(reader)
        archive_read_support_format_tar(reader)
        guard archive_read_open_filename(reader, source, 1 << 16) == ARCHIVE_OK else {
            throw RuntimeError(.invalidArgument, "read \(source): \(TarWriter.errorString(reader))")
        }
        guard let writer = archive_write_disk_new() else { throw RuntimeError(.failed, "archive_write_disk_new: out of memory") }
        defer { archive_write_free(writer) }
        var flags = ARCHIVE_EXTRACT_SECURE_NODOTDOT | ARCHIVE_EXTRACT_SECURE_SYMLINKS | ARCHIVE_EXTRACT_TIME
        if mode == .layer { flags |= ARCHIVE_EXTRACT_PERM | ARCHIVE_EXTRACT_OWNER | ARCHIVE_EXTRACT_XATTR }
        archive_write_disk_set_options(writer, flags)

        var total: Int64 = 0
        var entry: OpaquePointer?
        while true {
            let rc = archive_read_next_header(reader, &entry)
            if rc == ARCHIVE_EOF { break }
            guard rc == ARCHIVE_OK || rc == ARCHIVE_WARN, let entry else {
                throw RuntimeError(.invalidArgument, "read \(source): \(TarWriter.errorString(reader))")
            }
            guard let raw = archive_entry_pathname(entry) else { continue }
            guard let name = TarExtractor.memberPath(String(cString: raw)) else {
                throw RuntimeError(.invalidArgument, "read \(source): unsafe member path \(String(cString: raw))")
            }
            if name.isEmpty { continue }    // "./": the destination already exists
            let type = archive_entry_filetype(entry)
            if mode == .plain && type != UInt32(Glibc.S_IFREG) && type != UInt32(Glibc.S_IFDIR) && type != UInt32(Glibc.S_IFLNK) { continue }
            if mode == .layer, try convertWhiteout(name, under: destination) { continue }

            archive_entry_copy_pathname(entry, destination + "/" + name)
            if let link = archive_entry_hardlink(entry) {
                guard let target = TarExtractor.memberPath(String(cString: link)) else {
                    throw RuntimeError(.invalidArgument, "read \(source): unsafe hard link \(String(cString: link))")
                }
                archive_entry_copy_hardlink(entry, destination + "/" + target)
            }
            if mode == .plain && type != UInt32(Glibc.S_IFLNK) {
                archive_entry_set_perm(entry, type == UInt32(Glibc.S_IFDIR) ? 0o755 : 0o644)
            }
            try check(archive_write_header(writer, entry), writer, "extract \(name) from \(source)")
            if archive_entry_size(entry) > 0 {
                total += try copyData(reader, writer, member: name, source: source)
            }
            try check(archive_write_finish_entry(writer), writer, "extract \(name) from \(source)")
        }
        // Directory times and modes are fixed up at close.
        try check(archive_write_close(writer), writer, "extract \(source)")
        return total
    }

    /// A member name relative to the destination ("" for the root), or nil when it would leave it.
    static func memberPath(_ raw: String) -> String? {
        let parts = raw.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        if parts.contains("..") { return nil }
        return parts.joined(separator: "/")
    }

    /// Handles `.wh.` members; true when `name` was one (and so is not extracted as a file).
    private func convertWhiteout(_ name: String, under destination: String) throws -> Bool {
        let base = (name as NSString).lastPathComponent
        guard base.hasPrefix(".wh.") else { return false }
        let parent = (name as NSString).deletingLastPathComponent
        let parentPath = parent.isEmpty ? destination : destination + "/" + parent
        try ImageFiles.makeDirectories(parentPath)
        if base == ".wh..wh..opq" {
            try ImageFiles.setOpaque(parentPath)
        } else if base.hasPrefix(".wh..wh.") {
            // aufs' own bookkeeping (.wh..wh.plnk, .wh..wh.aufs): nothing in the image.
        } else {
            try ImageFiles.makeWhiteout(parentPath + "/" + String(base.dropFirst(4)))
        }
        return true
    }

    private func copyData(_ reader: OpaquePointer, _ writer: OpaquePointer, member: String, source: String) throws -> Int64 {
        var total: Int64 = 0
        var buffer: UnsafeRawPointer?
        var size = 0
        var offset: la_int64_t = 0
        while true {
            let rc = archive_read_data_block(reader, &buffer, &size, &offset)
            if rc == ARCHIVE_EOF { return total }
            guard rc == ARCHIVE_OK || rc == ARCHIVE_WARN else {
                throw RuntimeError(.invalidArgument, "read \(member) from \(source): \(TarWriter.errorString(reader))")
            }
            let written = archive_write_data_block(writer, buffer, size, offset)
            guard written >= 0 else {
                throw RuntimeError(.failed, "extract \(member) from \(source): \(TarWriter.errorString(writer))")
            }
            total += Int64(size)
        }
    }

    private func check(_ rc: Int32, _ a: OpaquePointer, _ what: String) throws {
        if rc == ARCHIVE_OK || rc == ARCHIVE_WARN { return }
        throw RuntimeError(.failed, "\(what): \(TarWriter.errorString(a))")
    }
}
