import CRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `docker cp` between the host and a container's root. Every container-side path is opened
/// with openat2(RESOLVE_IN_ROOT) from a descriptor of the root (the running container's
/// /proc/PID/root, or a stopped one's writable layer and image layers), so a symlink inside
/// the container can never lead the copy to the host. Trees are copied without recursion;
/// files keep their mode, links stay links, and what is copied in belongs to root (Docker's).
public struct ContainerCopy {
    /// Where the container's files are: its live root, or its layers (upper first) when stopped.
    let roots: [String]
    let writable: String

    public init(container c: Container) {
        if c.isRunning, let pid = c.run?.pid {
            roots = ["/proc/\(pid)/root"]
            writable = "/proc/\(pid)/root"
        } else {
            roots = [c.upperDir] + c.config.lowerDirs
            writable = c.upperDir
        }
    }

    static func openDir(_ path: String) throws -> Int32 {
        let fd = open(path, isolab_o_path() | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw RuntimeError.errno("open", path) }
        return fd
    }

    /// Opens `path` inside `root` (isolab_o_path(), not following a final symlink); nil if it is not there.
    static func lookup(_ root: Int32, _ path: String) -> Int32? {
        let fd = isolab_open_in_root(root, path, isolab_o_path() | O_NOFOLLOW | O_CLOEXEC, 0)
        return fd >= 0 ? fd : nil
    }

    /// Container → host. `dest` is a host path: into it when it is a directory, else as it.
    public func copyOut(_ src: String, containerName: String, to dest: String) throws {
        for layer in roots {
            let root = try Self.openDir(layer)
            defer { close(root) }
            guard let fd = Self.lookup(root, src) else { continue }
            var st = stat()
            fstat(fd, &st)
            close(fd)
            if (st.st_mode & S_IFMT) == S_IFCHR && st.st_rdev == 0 { break }   // a whiteout: deleted
            var target = dest
            var dst = stat()
            if stat(dest, &dst) == 0, (dst.st_mode & S_IFMT) == S_IFDIR {
                target = dest + "/" + (PathName.last(src).isEmpty ? "root" : PathName.last(src))
            }
            try copyTree(from: (root, src), toHost: target)
            return
        }
        throw RuntimeError(.notFound(.file), "no file \(src) in container \(containerName)", source: .request,
                               operation: "copy", path: src, reference: containerName)
    }

    /// Host → container. `dest` is inside the container: into it when it is a directory there.
    public func copyIn(_ src: String, to dest: String, containerName: String) throws {
        var st = stat()
        guard lstat(src, &st) == 0 else { throw RuntimeError.errno("lstat", src) }
        let root = try Self.openDir(writable)
        defer { close(root) }
        var target = dest
        var parentExists = false
        if let fd = Self.lookup(root, dest) ?? existingElsewhere(dest) {
            var d = stat()
            fstat(fd, &d)
            close(fd)
            if (d.st_mode & S_IFMT) == S_IFDIR { target = dest + "/" + PathName.last(src) }
        }
        let parent = PathName.parent(target)
        if parent.isEmpty || parent == "/" { parentExists = true }
        if !parentExists {
            // A stopped container's upper layer may lack a directory only its image has: make it.
            if roots.count > 1, existsInImage(parent) { try makeDirectories(root, parent) }
            guard let fd = Self.lookup(root, parent) else {
                throw RuntimeError(.notFound(.file), "no file \(parent) in container \(containerName)", source: .request,
                               operation: "copy", path: parent, reference: containerName)
            }
            close(fd)
        }
        try copyTree(fromHost: src, to: (root, target))
    }

    private func existingElsewhere(_ path: String) -> Int32? {
        for layer in roots.dropFirst() {
            guard let root = try? Self.openDir(layer) else { continue }
            defer { close(root) }
            if let fd = Self.lookup(root, path) { return fd }
        }
        return nil
    }

    private func existsInImage(_ path: String) -> Bool {
        guard let fd = existingElsewhere(path) else { return false }
        close(fd)
        return true
    }

    private func makeDirectories(_ root: Int32, _ path: String) throws {
        var sofar = ""
        for part in path.split(separator: "/") {
            sofar += "/" + part
            if let fd = Self.lookup(root, sofar) { close(fd); continue }
            let parent = PathName.parent(sofar)
            let pfd = isolab_open_in_root(root, parent.isEmpty ? "/" : parent, isolab_o_path() | O_DIRECTORY | O_CLOEXEC, 0)
            guard pfd >= 0 else { throw RuntimeError.errno("open", parent) }
            defer { close(pfd) }
            guard mkdirat(pfd, String(part), 0o755) == 0 || errno == EEXIST else { throw RuntimeError.errno("mkdir", sofar) }
        }
    }

    // MARK: trees, without recursion

    private func copyTree(from src: (Int32, String), toHost dest: String) throws {
        var pending = [(src.1, dest)]
        while let (from, to) = pending.popLast() {
            let fd = isolab_open_in_root(src.0, from, isolab_o_path() | O_NOFOLLOW | O_CLOEXEC, 0)
            guard fd >= 0 else { throw RuntimeError.errno("open", from) }
            var st = stat()
            fstat(fd, &st)
            close(fd)
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                if mkdir(to, st.st_mode & 0o7777) != 0 && errno != EEXIST { throw RuntimeError.errno("mkdir", to) }
                let dfd = isolab_open_in_root(src.0, from, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0)
                guard dfd >= 0 else { throw RuntimeError.errno("open", from) }
                for name in try Self.names(dfd) { pending.append((from + "/" + name, to + "/" + name)) }
            case S_IFREG:
                let rfd = isolab_open_in_root(src.0, from, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0)
                guard rfd >= 0 else { throw RuntimeError.errno("open", from) }
                defer { close(rfd) }
                let wfd = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, st.st_mode & 0o7777)
                guard wfd >= 0 else { throw RuntimeError.errno("open", to) }
                defer { close(wfd) }
                try Self.pump(rfd, wfd, what: to)
            case S_IFLNK:
                let parent = PathName.parent(from)
                let pfd = isolab_open_in_root(src.0, parent.isEmpty ? "/" : parent, isolab_o_path() | O_DIRECTORY | O_CLOEXEC, 0)
                guard pfd >= 0 else { throw RuntimeError.errno("open", parent) }
                defer { close(pfd) }
                var buf = [CChar](repeating: 0, count: 4097)
                let n = readlinkat(pfd, PathName.last(from), &buf, 4096)
                guard n >= 0 else { throw RuntimeError.errno("readlink", from) }
                unlink(to)
                guard symlink(String(decoding: buf.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self), to) == 0 else { throw RuntimeError.errno("symlink", to) }
            default: continue   // devices, fifos, sockets, whiteouts: not copied
            }
        }
    }

    private func copyTree(fromHost src: String, to dest: (Int32, String)) throws {
        var pending = [(src, dest.1)]
        while let (from, to) = pending.popLast() {
            var st = stat()
            guard lstat(from, &st) == 0 else { throw RuntimeError.errno("lstat", from) }
            let parent = PathName.parent(to)
            let name = PathName.last(to)
            let pfd = isolab_open_in_root(dest.0, parent.isEmpty ? "/" : parent, isolab_o_path() | O_DIRECTORY | O_CLOEXEC, 0)
            guard pfd >= 0 else { throw RuntimeError.errno("open", parent) }
            defer { close(pfd) }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                if mkdirat(pfd, name, st.st_mode & 0o7777) != 0 && errno != EEXIST { throw RuntimeError.errno("mkdir", to) }
                fchownat(pfd, name, 0, 0, AT_SYMLINK_NOFOLLOW)
                for child in try FileManager.default.contentsOfDirectory(atPath: from) { pending.append((from + "/" + child, to + "/" + child)) }
            case S_IFREG:
                let rfd = open(from, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
                guard rfd >= 0 else { throw RuntimeError.errno("open", from) }
                defer { close(rfd) }
                unlinkat(pfd, name, 0)
                let wfd = openat(pfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, st.st_mode & 0o7777)
                guard wfd >= 0 else { throw RuntimeError.errno("create", to) }
                defer { close(wfd) }
                try Self.pump(rfd, wfd, what: to)
                fchown(wfd, 0, 0)
                fchmod(wfd, st.st_mode & 0o7777)
            case S_IFLNK:
                let target = try FileManager.default.destinationOfSymbolicLink(atPath: from)
                unlinkat(pfd, name, 0)
                guard symlinkat(target, pfd, name) == 0 else { throw RuntimeError.errno("symlink", to) }
                fchownat(pfd, name, 0, 0, AT_SYMLINK_NOFOLLOW)
            default: continue
            }
        }
    }

    static func names(_ dirfd: Int32) throws -> [String] {
        guard let d = fdopendir(dirfd) else { close(dirfd); throw RuntimeError.errno("opendir") }
        defer { closedir(d) }
        var out: [String] = []
        while let e = readdir(d) {
            let name = withUnsafePointer(to: e.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
            if name != "." && name != ".." { out.append(name) }
        }
        return out
    }

    static func pump(_ from: Int32, _ to: Int32, what: String) throws {
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = read(from, &buf, buf.count)
            if n < 0 { if errno == EINTR { continue }; throw RuntimeError.errno("read", what) }
            if n == 0 { return }
            var off = 0
            while off < n {
                let w = buf.withUnsafeBytes { write(to, $0.baseAddress! + off, n - off) }
                if w < 0 { if errno == EINTR { continue }; throw RuntimeError.errno("write", what) }
                off += w
            }
        }
    }
}
