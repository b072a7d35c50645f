import CArchive
import CRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Unpacks a tar (plain or compressed: libarchive detects the filter) into a directory.
///
/// libarchive only reads; every file is written here with `*at` calls on a directory fd that
/// openat2 resolved inside the destination (`RESOLVE_IN_ROOT`), so a symlink the archive itself
/// created (`evil -> /etc`) is followed as the container would see it, inside the rootfs, and never
/// on the host. In `.layer` mode, OCI whiteouts become overlayfs ones: `.wh.<name>` a character
/// device 0/0 named `<name>`, `.wh..wh..opq` the xattr `trusted.overlay.opaque="y"` on its
/// directory; owners, modes, times and xattrs are kept. In `.plain` mode (the outer tar of
/// `docker save`) only directories, regular files, hard links and symlinks are written, owned by the caller.
struct TarExtractor {
    enum Mode { case layer, plain }
    let mode: Mode

    /// Extracts `source` (a path) under `destination` (an existing directory) and returns the bytes
    /// of regular files written. `label` names the source in errors (the user's file, not a temp copy).
    @discardableResult
    func extract(_ source: String, into destination: String, label: String? = nil) throws -> Int64 {
        let fd = open(source, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RuntimeError.errno("open", label ?? source) }
        defer { close(fd) }
        return try extract(fd: fd, label: label ?? source, into: try ImageFD.directory(destination, followFinal: true))
    }

    /// Extracts the archive read from `fd` into the directory `destination`. Errors name entries
    /// as `label:/member`, never by the temp directory they are written to.
    @discardableResult
    func extract(fd: Int32, label: String, into destination: ImageFD) throws -> Int64 {
        let root = try destination.duplicate(label: label + ":")
        guard let reader = archive_read_new() else { throw RuntimeError(.failed, "archive_read_new: out of memory") }
        defer { archive_read_free(reader) }
        archive_read_support_filter_all(reader)
        archive_read_support_format_tar(reader)
        guard archive_read_open_fd(reader, fd, 1 << 16) == ARCHIVE_OK else {
            throw RuntimeError(.invalidArgument, "read \(label): \(TarWriter.errorString(reader))")
        }
        var total: Int64 = 0
        var directoryTimes: [DirectoryTime] = []
        var entry: OpaquePointer?
        while true {
            let rc = archive_read_next_header(reader, &entry)
            if rc == ARCHIVE_EOF { break }
            guard rc == ARCHIVE_OK || rc == ARCHIVE_WARN, let entry else {
                throw RuntimeError(.invalidArgument, "read \(label): \(TarWriter.errorString(reader))")
            }
            guard let raw = archive_entry_pathname(entry) else {
                throw RuntimeError(.invalidArgument, "read \(label): a member without a readable name")
            }
            let rawName = String(cString: raw)
            guard let name = TarExtractor.memberPath(rawName) else {
                throw RuntimeError(.invalidArgument, "read \(label): unsafe member path \(rawName)")
            }
            if name.isEmpty { continue }    // "./": the destination already exists
            let member = Member(entry: entry, name: name, label: label)
            if mode == .layer, try convertWhiteout(name, in: root, label: label) { continue }
            total += try write(member, reader: reader, root: root, directoryTimes: &directoryTimes)
        }
        // Directory times last: writing their children changed them. A directory that a later
        // member replaced (its inode differs) keeps what that member gave it.
        for item in directoryTimes.reversed() {
            let found: ImageFD?
            do { found = try root.openIfExists(item.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW) } catch let e as RuntimeError {
                // Now a symlink or a file: the directory was replaced.
                if case .system(let code) = e.kind, code == ENOTDIR || code == ELOOP { continue }
                throw e
            }
            guard let dir = found else { continue }
            let st = try dir.stat()
            guard st.st_dev == item.device && st.st_ino == item.inode else { continue }
            var times = [item.mtime, item.mtime]
            guard futimens(dir.fd, &times) == 0 else { throw RuntimeError.errno("utimens", dir.label) }
        }
        return total
    }

    /// A member name relative to the destination ("" for the root), or nil when it would leave it.
    static func memberPath(_ raw: String) -> String? {
        let parts = raw.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        if parts.contains("..") { return nil }
        return parts.joined(separator: "/")
    }

    private struct DirectoryTime {
        var path: String
        var device: dev_t
        var inode: ino_t
        var mtime: timespec
    }

    /// What one tar member asks for, its numbers range-checked.
    private struct Member {
        let entry: OpaquePointer
        let name: String
        let label: String

        var type: mode_t { mode_t(archive_entry_filetype(entry)) }
        var permissions: mode_t { mode_t(archive_entry_perm(entry)) & 0o7777 }
        var hardlink: String? { archive_entry_hardlink(entry).map { String(cString: $0) } }
        var symlink: String? { archive_entry_symlink(entry).map { String(cString: $0) } }

        func owner() throws -> (uid_t, gid_t) {
            let uid = archive_entry_uid(entry), gid = archive_entry_gid(entry)
            // 2^32-1 is "no change" to chown(2): never a real owner.
            guard uid >= 0, uid < la_int64_t(UInt32.max), gid >= 0, gid < la_int64_t(UInt32.max) else {
                throw RuntimeError(.invalidArgument, "read \(label): \(name): owner \(uid):\(gid) out of range")
            }
            return (uid_t(uid), gid_t(gid))
        }

        func mtime() -> timespec {
            timespec(tv_sec: archive_entry_mtime(entry), tv_nsec: archive_entry_mtime_nsec(entry))
        }

        func device() throws -> dev_t {
            let major = UInt64(archive_entry_rdevmajor(entry)), minor = UInt64(archive_entry_rdevminor(entry))
            guard major <= UInt64(UInt32.max), minor <= UInt64(UInt32.max) else {
                throw RuntimeError(.invalidArgument, "read \(label): \(name): device \(major):\(minor) out of range")
            }
            // glibc's makedev(3), which Swift does not see.
            return dev_t(((major & 0xfff) << 8) | ((major & ~0xfff) << 32) | (minor & 0xff) | ((minor & ~0xff) << 12))
        }

        func xattrs() -> [(String, Data)] {
            var result: [(String, Data)] = []
            archive_entry_xattr_reset(entry)
            var key: UnsafePointer<CChar>?
            var value: UnsafeRawPointer?
            var size = 0
            while archive_entry_xattr_next(entry, &key, &value, &size) == ARCHIVE_OK {
                guard let key else { continue }
                let data = value.map { Data(bytes: $0, count: size) } ?? Data()
                result.append((String(cString: key), data))
            }
            return result
        }
    }

    /// Writes one member; returns the bytes of file data written.
    private func write(_ m: Member, reader: OpaquePointer, root: ImageFD, directoryTimes: inout [DirectoryTime]) throws -> Int64 {
        let type = m.type
        let (parentRel, base) = RelativePath.split(m.name)
        if mode == .plain && m.hardlink == nil && type != S_IFREG && type != S_IFDIR && type != S_IFLNK { return 0 }
        // The parent is resolved inside the root: a symlink on the way leads to the rootfs' own
        // directory, as it would in the container, and is created where missing.
        let parent = try root.makeDirectories(parentRel)
        let isDirectory = m.hardlink == nil && type == S_IFDIR
        if let existing = try parent.statEntry(base) {
            // Tar semantics: a later member replaces an earlier one, except directory over directory.
            if !(isDirectory && (existing.st_mode & S_IFMT) == S_IFDIR) { try parent.removeEntry(base) }
        }
        let where_ = "extract \(m.name) from \(m.label)"

        if let link = m.hardlink {
            guard let target = TarExtractor.memberPath(link), !target.isEmpty else {
                throw RuntimeError(.invalidArgument, "read \(m.label): unsafe hard link \(m.name) -> \(link)")
            }
            // The target is an entry already extracted, reached beneath the root like any other.
            let targetParent = try root.open(RelativePath.parent(target), O_RDONLY | O_DIRECTORY)
            guard linkat(targetParent.fd, RelativePath.name(target), parent.fd, base, 0) == 0 else {
                throw RuntimeError.errno("hard link to \(target)", parent.child(base))
            }
            return 0
        }

        switch type {
        case S_IFREG:
            let fd = openat(parent.fd, base, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw RuntimeError.errno("create", parent.child(base)) }
            let file = ImageFD(owning: fd, label: parent.child(base))
            let written = try copyData(reader, to: file, member: m)
            let size = archive_entry_size(m.entry)
            // A sparse file ends in a hole that no data block covers.
            if size > 0 && ftruncate(file.fd, off_t(size)) != 0 { throw RuntimeError.errno("truncate", file.label) }
            try finish(file, m)
            return written
        case S_IFDIR:
            if try parent.statEntry(base) == nil {
                guard mkdirat(parent.fd, base, 0o700) == 0 else { throw RuntimeError.errno("mkdir", parent.child(base)) }
            }
            let dir = try parent.open(base, O_RDONLY | O_DIRECTORY | O_NOFOLLOW, resolution: .strictlyBeneath)
            try finish(dir, m)
            let st = try dir.stat()
            directoryTimes.append(DirectoryTime(path: m.name, device: st.st_dev, inode: st.st_ino, mtime: m.mtime()))
            return 0
        case S_IFLNK:
            guard let target = m.symlink else { throw RuntimeError(.invalidArgument, "read \(m.label): symlink \(m.name) without a target") }
            guard symlinkat(target, parent.fd, base) == 0 else { throw RuntimeError.errno("symlink", parent.child(base)) }
            try finishEntry(parent, base, m, chmod: false)
            return 0
        case S_IFCHR, S_IFBLK, S_IFIFO:
            let dev = type == S_IFIFO ? 0 : try m.device()
            guard mknodat(parent.fd, base, type | 0o600, dev) == 0 else { throw RuntimeError.errno("mknod", parent.child(base)) }
            try finishEntry(parent, base, m, chmod: true)
            return 0
        default:
            throw RuntimeError(.invalidArgument, "\(where_): unsupported member type \(String(type, radix: 8))")
        }
    }

    /// Owner, xattrs, mode and times of a file or directory open as `file` (in that order: chown clears setuid).
    private func finish(_ file: ImageFD, _ m: Member) throws {
        let isDirectory = m.type == S_IFDIR
        if mode == .plain {
            guard fchmod(file.fd, isDirectory ? 0o755 : 0o644) == 0 else { throw RuntimeError.errno("chmod", file.label) }
            return
        }
        let (uid, gid) = try m.owner()
        guard fchown(file.fd, uid, gid) == 0 else { throw RuntimeError.errno("chown", file.label) }
        for (key, value) in m.xattrs() where LayerPacker.keepXattr(key) { try file.setXattr(key, value) }
        guard fchmod(file.fd, m.permissions) == 0 else { throw RuntimeError.errno("chmod", file.label) }
        if !isDirectory {
            var times = [m.mtime(), m.mtime()]
            guard futimens(file.fd, &times) == 0 else { throw RuntimeError.errno("utimens", file.label) }
        }
    }

    /// The same for an entry that cannot be opened for writing (symlink, device, FIFO): `*at` calls
    /// on its name in `parent`, never following it.
    private func finishEntry(_ parent: ImageFD, _ name: String, _ m: Member, chmod: Bool) throws {
        guard mode == .layer else { return }
        let (uid, gid) = try m.owner()
        guard fchownat(parent.fd, name, uid, gid, AT_SYMLINK_NOFOLLOW) == 0 else { throw RuntimeError.errno("chown", parent.child(name)) }
        for (key, value) in m.xattrs() where LayerPacker.keepXattr(key) { try parent.setXattr(ofEntry: name, key, value) }
        // fchmodat follows symlinks, so never for one; the entry was just made by mknodat.
        if chmod && fchmodat(parent.fd, name, m.permissions, 0) != 0 { throw RuntimeError.errno("chmod", parent.child(name)) }
        var times = [m.mtime(), m.mtime()]
        guard utimensat(parent.fd, name, &times, AT_SYMLINK_NOFOLLOW) == 0 else { throw RuntimeError.errno("utimens", parent.child(name)) }
    }

    /// Handles `.wh.` members; true when `name` was one (and so is not extracted as a file).
    private func convertWhiteout(_ name: String, in root: ImageFD, label: String) throws -> Bool {
        let base = RelativePath.name(name)
        guard base.hasPrefix(".wh.") else { return false }
        let parent = try root.makeDirectories(RelativePath.parent(name))
        if base == ".wh..wh..opq" {
            try ImageFiles.setOpaque(parent)
        } else if base.hasPrefix(".wh..wh.") {
            // aufs' own bookkeeping (.wh..wh.plnk, .wh..wh.aufs): nothing in the image.
        } else {
            let hidden = String(base.dropFirst(4))
            guard ImageFiles.isEntryName(hidden) else {
                throw RuntimeError(.invalidArgument, "read \(label): invalid whiteout \(name)")
            }
            try ImageFiles.makeWhiteout(parent, hidden)
        }
        return true
    }

    private func copyData(_ reader: OpaquePointer, to file: ImageFD, member m: Member) throws -> Int64 {
        var total: Int64 = 0
        var buffer: UnsafeRawPointer?
        var size = 0
        var offset: la_int64_t = 0
        while true {
            let rc = archive_read_data_block(reader, &buffer, &size, &offset)
            if rc == ARCHIVE_EOF { return total }
            guard rc == ARCHIVE_OK || rc == ARCHIVE_WARN else {
                throw RuntimeError(.invalidArgument, "read \(m.name) from \(m.label): \(TarWriter.errorString(reader))")
            }
            guard offset >= 0 else { throw RuntimeError(.invalidArgument, "read \(m.name) from \(m.label): negative data offset") }
            guard size > 0, let buffer else { continue }
            var done = 0
            while done < size {
                let n = pwrite(file.fd, buffer + done, size - done, off_t(offset) + off_t(done))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw RuntimeError.errno("write", file.label)
                }
                done += n
            }
            total += Int64(size)
        }
    }
}
