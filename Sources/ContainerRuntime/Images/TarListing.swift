import CArchive
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The members of a tar (plain or compressed) without extracting it: for checks and tests.
enum TarListing {
    struct Member: Equatable {
        var path: String
        var type: mode_t           // S_IFREG, S_IFDIR, ...
        var size: Int64
        var linkTarget: String?    // symlink target or hard link name
    }

    static func members(_ path: String) throws -> [Member] {
        guard let reader = archive_read_new() else { throw RuntimeError(.failed, "archive_read_new: out of memory") }
        defer { archive_read_free(reader) }
        archive_read_support_filter_all(reader)
        archive_read_support_format_tar(reader)
        guard archive_read_open_filename(reader, path, 1 << 16) == ARCHIVE_OK else {
            throw RuntimeError(.invalidArgument, "read \(path): \(TarWriter.errorString(reader))")
        }
        var result: [Member] = []
        var entry: OpaquePointer?
        while true {
            let rc = archive_read_next_header(reader, &entry)
            if rc == ARCHIVE_EOF { break }
            guard rc == ARCHIVE_OK || rc == ARCHIVE_WARN, let entry else {
                throw RuntimeError(.invalidArgument, "read \(path): \(TarWriter.errorString(reader))")
            }
            let name = archive_entry_pathname(entry).map { String(cString: $0) } ?? ""
            let link = (archive_entry_symlink(entry) ?? archive_entry_hardlink(entry)).map { String(cString: $0) }
            result.append(Member(path: name, type: mode_t(archive_entry_filetype(entry)), size: Int64(archive_entry_size(entry)), linkTarget: link))
            archive_read_data_skip(reader)
        }
        return result
    }
}
