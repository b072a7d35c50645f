import CRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// An open file descriptor of the image store, closed when released. Paths below a directory fd
/// are resolved by the kernel (openat2) and acted on with `*at` calls, so that a symlink an image
/// put into its own layer (`evil -> /etc`) can never lead a write or a read onto the host.
final class ImageFD {
    let fd: Int32
    /// The path for error messages only; never used to reach the file.
    let label: String

    /// How `open` resolves a relative path.
    enum Resolution {
        /// Symlinks and `..` are resolved as if the directory were `/` (an image's rootfs).
        case inRoot
        /// Every component must be a real directory below this one: no symlink, no mount crossing.
        case strictlyBeneath

        var flags: UInt64 {
            switch self {
            case .inRoot: return ISOLAB_RESOLVE_IN_ROOT | ISOLAB_RESOLVE_NO_MAGICLINKS
            case .strictlyBeneath:
                return ISOLAB_RESOLVE_BENEATH | ISOLAB_RESOLVE_NO_SYMLINKS | ISOLAB_RESOLVE_NO_MAGICLINKS | ISOLAB_RESOLVE_NO_XDEV
            }
        }
    }

    init(owning fd: Int32, label: String) {
        self.fd = fd
        self.label = label
    }

    deinit { close(fd) }

    /// A second descriptor of the same file named `label` in messages (e.g. the user's archive
    /// rather than the temp directory it is unpacked in).
    func duplicate(label: String) throws -> ImageFD {
        let copy = fcntl(fd, F_DUPFD_CLOEXEC, 0)
        guard copy >= 0 else { throw RuntimeError.errno("dup", self.label) }
        return ImageFD(owning: copy, label: label)
    }

    /// Opens the directory at `path`, a store path isolab made itself (not data from an image).
    /// `followFinal: false` refuses a symlink as the last component.
    static func directory(_ path: String, followFinal: Bool = false) throws -> ImageFD {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (followFinal ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { throw RuntimeError.errno("open", path) }
        return ImageFD(owning: fd, label: path)
    }

    /// `rel` opened beneath this directory with openat2. An empty `rel` is the directory itself.
    func open(_ rel: String, _ flags: Int32, mode: mode_t = 0, resolution: Resolution = .inRoot) throws -> ImageFD {
        guard let opened = try openIfExists(rel, flags, mode: mode, resolution: resolution) else {
            throw RuntimeError.errno("open", child(rel), ENOENT)
        }
        return opened
    }

    /// Like `open`, nil when `rel` (or a directory on its way) does not exist.
    func openIfExists(_ rel: String, _ flags: Int32, mode: mode_t = 0, resolution: Resolution = .inRoot) throws -> ImageFD? {
        let path = rel.isEmpty ? "." : rel
        // The kernel answers EAGAIN when a rename elsewhere raced with a `..` it resolved: try again.
        for _ in 0..<32 {
            let fd = isolab_openat2(self.fd, path, flags | O_CLOEXEC, UInt32(mode), resolution.flags)
            if fd >= 0 { return ImageFD(owning: fd, label: child(rel)) }
            if errno == EAGAIN || errno == EINTR { continue }
            if errno == ENOENT { return nil }
            throw RuntimeError.errno("openat2", child(rel))
        }
        throw RuntimeError.errno("openat2", child(rel), EAGAIN)
    }

    /// The directory `rel`, resolved in this root, created (mode 0755) where missing, like `mkdir -p`.
    func makeDirectories(_ rel: String, mode: mode_t = 0o755) throws -> ImageFD {
        let parts = rel.split(separator: "/").map(String.init)
        var current = try open("", O_RDONLY | O_DIRECTORY)
        var done = ""
        for part in parts {
            done = done.isEmpty ? part : done + "/" + part
            // Resolved from the root each time, so a symlink met on the way stays inside it.
            if let next = try openIfExists(done, O_RDONLY | O_DIRECTORY) {
                current = next
                continue
            }
            guard part != "." && part != ".." else { throw RuntimeError.errno("mkdir", child(done), EINVAL) }
            if mkdirat(current.fd, part, mode) != 0 && errno != EEXIST { throw RuntimeError.errno("mkdir", child(done)) }
            current = try current.open(part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW, resolution: .strictlyBeneath)
        }
        return current
    }

    /// `fstat` of this descriptor.
    func stat() throws -> Glibc.stat {
        var st = Glibc.stat()
        guard fstat(fd, &st) == 0 else { throw RuntimeError.errno("fstat", label) }
        return st
    }

    /// `fstatat(name, AT_SYMLINK_NOFOLLOW)` of one entry of this directory, or nil when it does not exist.
    func statEntry(_ name: String) throws -> Glibc.stat? {
        var st = Glibc.stat()
        if fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 { return st }
        if errno == ENOENT || errno == ENOTDIR { return nil }
        throw RuntimeError.errno("lstat", child(name))
    }

    /// The names in this directory, sorted (tars, and so digests, must not depend on readdir order).
    func names() throws -> [String] {
        let copy = fcntl(fd, F_DUPFD_CLOEXEC, 0)
        guard copy >= 0 else { throw RuntimeError.errno("dup", label) }
        guard let dir = fdopendir(copy) else {
            close(copy)
            throw RuntimeError.errno("fdopendir", label)
        }
        defer { closedir(dir) }
        rewinddir(dir)
        return ImageFiles.sortedNames(dir)
    }

    /// The target of the symlink `name` in this directory.
    func readLink(_ name: String) throws -> String {
        var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlinkat(fd, name, &buf, buf.count - 1)
        guard n >= 0 else { throw RuntimeError.errno("readlink", child(name)) }
        buf[n] = 0
        return String(cString: buf)
    }

    /// At most `limit` bytes of this (regular) file; more is an error, not a truncation.
    func readAll(limit: Int) throws -> Data {
        let st = try stat()
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw RuntimeError.errno("read (not a regular file)", label, EINVAL) }
        guard st.st_size <= limit else {
            throw RuntimeError(.invalidArgument, "\(label): \(st.st_size) bytes, more than the \(limit) allowed")
        }
        var data = Data()
        let chunk = 1 << 16
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer, chunk)
            if n < 0 {
                if errno == EINTR { continue }
                throw RuntimeError.errno("read", label)
            }
            if n == 0 { return data }
            guard data.count + n <= limit else {
                throw RuntimeError(.invalidArgument, "\(label): more than the \(limit) bytes allowed")
            }
            data.append(buffer.assumingMemoryBound(to: UInt8.self), count: n)
        }
    }

    /// Opens the regular file `rel` (resolved in this root) for reading: never a FIFO, a device or a
    /// directory, which would block, read forever or mean something else.
    func openRegularFile(_ rel: String) throws -> ImageFD {
        // O_PATH first: opening a device or FIFO for reading can have effects of its own.
        let probe = try open(rel, ISOLAB_O_PATH)
        let st = try probe.stat()
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw RuntimeError(.invalidArgument, "\(child(rel)): not a regular file")
        }
        let file = try open(rel, O_RDONLY | O_NONBLOCK | O_NOCTTY)
        let again = try file.stat()
        guard again.st_dev == st.st_dev && again.st_ino == st.st_ino else {
            throw RuntimeError(.invalidArgument, "\(child(rel)): changed while it was opened")
        }
        return file
    }

    /// Removes the entry `name` of this directory and, for a directory, everything below it,
    /// without following symlinks or crossing into other mounts. Iterative: an image's depth
    /// must not become this process's stack depth.
    func removeEntry(_ name: String) throws {
        guard let st = try statEntry(name) else { return }
        guard (st.st_mode & S_IFMT) == S_IFDIR else {
            if unlinkat(fd, name, 0) != 0 && errno != ENOENT { throw RuntimeError.errno("unlink", child(name)) }
            return
        }
        var pending = [name]
        while let rel = pending.last {
            let dir = try open(rel, O_RDONLY | O_DIRECTORY | O_NOFOLLOW, resolution: .strictlyBeneath)
            let device = try dir.stat().st_dev
            var descended = false
            for entry in try dir.names() {
                guard let cst = try dir.statEntry(entry) else { continue }
                if (cst.st_mode & S_IFMT) == S_IFDIR {
                    // A mount point is another device: leave it, and report EBUSY.
                    guard cst.st_dev == device else { throw RuntimeError.errno("remove (mount point)", dir.child(entry), EBUSY) }
                    pending.append(rel + "/" + entry)
                    descended = true
                } else if unlinkat(dir.fd, entry, 0) != 0 && errno != ENOENT {
                    throw RuntimeError.errno("unlink", dir.child(entry))
                }
            }
            if descended { continue }
            let parentRel = RelativePath.parent(rel)
            let parent = parentRel.isEmpty ? self : try open(parentRel, O_RDONLY | O_DIRECTORY, resolution: .strictlyBeneath)
            if unlinkat(parent.fd, RelativePath.name(rel), AT_REMOVEDIR) != 0 && errno != ENOENT {
                throw RuntimeError.errno("rmdir", child(rel))
            }
            pending.removeLast()
        }
    }

    /// Extended attributes of the entry `name` of this directory (not following a symlink), sorted.
    /// Reached through this process's own fd in /proc, so the lookup is of one name in a known directory.
    func xattrs(ofEntry name: String) throws -> [(String, Data)] {
        try ImageFiles.xattrs(procPath(name))
    }

    /// Sets an extended attribute on the entry `name` of this directory (not following a symlink).
    func setXattr(ofEntry name: String, _ key: String, _ value: Data) throws {
        let rc = value.withUnsafeBytes { raw in lsetxattr(procPath(name), key, raw.baseAddress, raw.count, 0) }
        guard rc == 0 else { throw RuntimeError.errno("setxattr \(key)", child(name)) }
    }

    /// Whether this directory carries overlayfs' opaque mark.
    func isOpaque() throws -> Bool {
        var buf = [UInt8](repeating: 0, count: 2)
        let n = fgetxattr(fd, "trusted.overlay.opaque", &buf, buf.count)
        if n < 0 {
            if errno == ENODATA || errno == ENOTSUP || errno == ERANGE { return false }
            throw RuntimeError.errno("getxattr trusted.overlay.opaque", label)
        }
        return n == 1 && buf[0] == UInt8(ascii: "y")
    }

    /// Sets an extended attribute on this descriptor's file.
    func setXattr(_ key: String, _ value: Data) throws {
        let rc = value.withUnsafeBytes { raw in fsetxattr(fd, key, raw.baseAddress, raw.count, 0) }
        guard rc == 0 else { throw RuntimeError.errno("setxattr \(key)", label) }
    }

    func child(_ rel: String) -> String { rel.isEmpty ? label : label + "/" + rel }

    private func procPath(_ name: String) -> String { "/proc/self/fd/\(fd)/\(name)" }
}
