import CRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// File-system primitives of the image store. Every failure names the operation, the path and errno.
enum ImageFiles {
    /// `lstat`, or nil when the path does not exist.
    static func lstatIfExists(_ path: String) throws -> stat? {
        var st = stat()
        if lstat(path, &st) == 0 { return st }
        if errno == ENOENT || errno == ENOTDIR { return nil }
        throw RuntimeError.errno("lstat", path)
    }

    static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    static func isDirectory(_ st: stat) -> Bool { (st.st_mode & S_IFMT) == S_IFDIR }
    static func isRegular(_ st: stat) -> Bool { (st.st_mode & S_IFMT) == S_IFREG }
    /// overlayfs marks a deleted lower entry with a character device 0/0 in the upper layer.
    static func isWhiteout(_ st: stat) -> Bool { (st.st_mode & S_IFMT) == S_IFCHR && st.st_rdev == 0 }

    /// `mkdir -p` with `mode` for the directories it creates.
    static func makeDirectories(_ path: String, mode: mode_t = 0o755) throws {
        if path.isEmpty || path == "/" { return }
        if let st = try lstatIfExists(path) {
            guard isDirectory(st) else { throw RuntimeError.errno("mkdir", path, EEXIST) }
            return
        }
        try makeDirectories(RelativePath.parent(path), mode: mode)
        if mkdir(path, mode) != 0 && errno != EEXIST { throw RuntimeError.errno("mkdir", path) }
    }

    /// Removes a tree without following symlinks or crossing into other mounts
    /// (a debootstrap that died may leave /proc mounted inside its target). `path` is a store path
    /// isolab made; what lies below it is removed through directory fds (`ImageFD.removeEntry`).
    static func removeTree(_ path: String) throws {
        let name = RelativePath.name(path)
        guard !name.isEmpty, name != ".", name != "..", name != "/" else { throw RuntimeError.errno("remove", path, EINVAL) }
        let parentPath = RelativePath.parent(path)
        let parent: ImageFD
        do { parent = try ImageFD.directory(parentPath.isEmpty ? "." : parentPath, followFinal: true) } catch let e as RuntimeError {
            if case .system(let code) = e.kind, code == ENOENT || code == ENOTDIR { return }
            throw e
        }
        try parent.removeEntry(name)
    }

    /// Flushes the file system holding `path` (a whole unpacked layer) before it is renamed into place.
    static func syncFileSystem(of path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RuntimeError.errno("open", path) }
        defer { close(fd) }
        guard isolab_syncfs(fd) == 0 else { throw RuntimeError.errno("syncfs", path) }
    }

    /// Copies everything readable from `fd` into the new file `path`; returns the byte count.
    static func copy(from fd: Int32, to path: String) throws -> Int64 {
        let out = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard out >= 0 else { throw RuntimeError.errno("open", path) }
        defer { close(out) }
        let chunk = 1 << 16
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var total: Int64 = 0
        while true {
            let n = read(fd, buffer, chunk)
            if n < 0 {
                if errno == EINTR { continue }
                throw RuntimeError.errno("read", "fd \(fd)")
            }
            if n == 0 { return total }
            try FileIO.writeAll(out, buffer, count: n, path: path)
            total += Int64(n)
        }
    }

    static func readLink(_ path: String) throws -> String {
        var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buf, buf.count - 1)
        guard n >= 0 else { throw RuntimeError.errno("readlink", path) }
        buf[n] = 0
        return String(cString: buf)
    }

    /// Names in a directory, sorted so that tars (and so digests) do not depend on readdir order.
    static func listDirectory(_ path: String) throws -> [String] {
        guard let dir = opendir(path) else { throw RuntimeError.errno("opendir", path) }
        defer { closedir(dir) }
        return sortedNames(dir)
    }

    /// The names an open directory stream lists from where it is, without `.` and `..`, sorted.
    static func sortedNames(_ dir: OpaquePointer) -> [String] {
        var names: [String] = []
        while let ent = readdir(dir) {
            let name = withUnsafePointer(to: ent.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Extended attributes of `path` (not following symlinks), names sorted.
    static func xattrs(_ path: String) throws -> [(String, Data)] {
        let size = llistxattr(path, nil, 0)
        if size < 0 {
            if errno == ENOTSUP || errno == ENODATA { return [] }
            throw RuntimeError.errno("llistxattr", path)
        }
        if size == 0 { return [] }
        var names = [CChar](repeating: 0, count: size)
        let got = llistxattr(path, &names, size)
        guard got >= 0 else { throw RuntimeError.errno("llistxattr", path) }
        var result: [(String, Data)] = []
        for raw in names[0..<got].split(separator: 0) {
            let name = String(decoding: raw.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let value = try xattr(path, name) { result.append((name, value)) }
        }
        return result.sorted { $0.0 < $1.0 }
    }

    /// One extended attribute, or nil when it is not set.
    static func xattr(_ path: String, _ name: String) throws -> Data? {
        let size = lgetxattr(path, name, nil, 0)
        if size < 0 {
            if errno == ENODATA || errno == ENOTSUP { return nil }
            throw RuntimeError.errno("lgetxattr \(name)", path)
        }
        var buf = [UInt8](repeating: 0, count: max(size, 1))
        let got = lgetxattr(path, name, &buf, buf.count)
        guard got >= 0 else { throw RuntimeError.errno("lgetxattr \(name)", path) }
        return Data(buf[0..<got])
    }

    /// overlayfs' mark of a directory that hides everything below it.
    static func isOpaque(_ path: String) throws -> Bool {
        try xattr(path, "trusted.overlay.opaque") == Data("y".utf8)
    }

    static func setOpaque(_ path: String) throws {
        guard lsetxattr(path, "trusted.overlay.opaque", "y", 1, 0) == 0 else {
            throw RuntimeError.errno("setxattr trusted.overlay.opaque", path)
        }
    }

    /// Marks the directory open as `dir` opaque (overlayfs hides everything below it in lower layers).
    static func setOpaque(_ dir: ImageFD) throws {
        try dir.setXattr("trusted.overlay.opaque", Data("y".utf8))
    }

    /// Creates the overlayfs whiteout for `path`: a character device 0/0.
    static func makeWhiteout(_ path: String) throws {
        try makeWhiteout(ImageFD.directory(RelativePath.parent(path), followFinal: true), RelativePath.name(path))
    }

    /// Replaces the entry `name` of `dir` (whatever it was) with an overlayfs whiteout.
    static func makeWhiteout(_ dir: ImageFD, _ name: String) throws {
        guard isEntryName(name) else { throw RuntimeError.errno("mknod whiteout", dir.child(name), EINVAL) }
        try dir.removeEntry(name)
        guard mknodat(dir.fd, name, S_IFCHR | 0o000, 0) == 0 else { throw RuntimeError.errno("mknod whiteout", dir.child(name)) }
    }

    /// One directory entry's name: not empty, not `.` or `..`, no slash.
    static func isEntryName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/")
    }

    /// `realpath` of the longest existing prefix, the rest appended: libarchive refuses to extract
    /// through symlinks, so store paths must not contain any.
    static func canonicalPath(_ path: String) -> String {
        var existing = path
        var rest: [String] = []
        while !existing.isEmpty && existing != "/" {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                let base = String(cString: resolved)
                return ([base == "/" ? "" : base] + rest.reversed()).joined(separator: "/")
            }
            rest.append(RelativePath.name(existing))
            existing = RelativePath.parent(existing)
        }
        return path
    }

    static func randomSuffix() -> String {
        CFormat.string("%d-%08x", getpid(), UInt32.random(in: 0...UInt32.max))
    }
}
