import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The `busybox` image's only layer, written straight into a tar (no staging directory, so no
/// ownership or mode depends on the host), laid out as Docker's official image is: the static
/// busybox in /bin with every applet a hard link to it there (`busybox --install /bin`),
/// /usr/bin/env pointing at it, buildroot's users and groups with their home folders, and the
/// mount points a container needs.
struct BusyboxRootfs {
    let binary: String

    /// Docker's image takes /etc/passwd, /etc/group and /etc/shadow from buildroot's skeleton
    /// (root's password locked), so `-u daemon`, `-u www-data` and `:nogroup` resolve there.
    static let passwd = """
        root:x:0:0:root:/root:/bin/sh
        daemon:x:1:1:daemon:/usr/sbin:/bin/false
        bin:x:2:2:bin:/bin:/bin/false
        sys:x:3:3:sys:/dev:/bin/false
        sync:x:4:100:sync:/bin:/bin/sync
        mail:x:8:8:mail:/var/spool/mail:/bin/false
        www-data:x:33:33:www-data:/var/www:/bin/false
        operator:x:37:37:Operator:/var:/bin/false
        nobody:x:65534:65534:nobody:/home:/bin/false

        """
    static let group = """
        root:x:0:
        daemon:x:1:
        bin:x:2:
        sys:x:3:
        adm:x:4:
        tty:x:5:
        disk:x:6:
        lp:x:7:
        mail:x:8:
        kmem:x:9:
        wheel:x:10:root
        cdrom:x:11:
        dialout:x:18:
        floppy:x:19:
        video:x:28:
        audio:x:29:
        tape:x:32:
        www-data:x:33:
        operator:x:37:
        utmp:x:43:
        plugdev:x:46:
        staff:x:50:
        lock:x:54:
        netdev:x:82:
        users:x:100:
        nobody:x:65533:
        nogroup:x:65534:

        """
    static let shadow = ["root", "daemon", "bin", "sys", "sync", "mail", "www-data", "operator", "nobody"]
        .map { "\($0):*:10933:0:99999:7:::\n" }.joined()

    /// Debian's busybox-static installs a statically linked /bin/busybox. A dynamically linked one
    /// (the `busybox` package) would not run in an image without its libraries.
    static func locateBinary() throws -> String {
        for candidate in ["/bin/busybox", "/usr/bin/busybox"] where access(candidate, X_OK) == 0 {
            guard try !isDynamicallyLinked(candidate) else {
                throw RuntimeError(.failed, "build busybox: \(candidate) is dynamically linked (apt-get install busybox-static)")
            }
            return candidate
        }
        throw RuntimeError(.notFound(.file), "build busybox: /bin/busybox not found (apt-get install busybox-static)")
    }

    /// True when the ELF64 file at `path` names a program interpreter (PT_INTERP): it needs ld.so.
    static func isDynamicallyLinked(_ path: String) throws -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RuntimeError.errno("open", path) }
        defer { close(fd) }
        func read(_ count: Int, at offset: Int) throws -> [UInt8] {
            var buf = [UInt8](repeating: 0, count: count)
            let n = pread(fd, &buf, count, off_t(offset))
            guard n == count else { throw RuntimeError(.invalidArgument, "build busybox: \(path) is not an ELF64 executable") }
            return buf
        }
        func le(_ bytes: ArraySlice<UInt8>) -> Int { bytes.reversed().reduce(0) { $0 << 8 | Int($1) } }
        let header = try read(64, at: 0)
        guard header[0..<4] == [0x7f, 0x45, 0x4c, 0x46], header[4] == 2, header[5] == 1 else {
            throw RuntimeError(.invalidArgument, "build busybox: \(path) is not a little-endian ELF64 executable")
        }
        let phoff = le(header[0x20..<0x28]), phentsize = le(header[0x36..<0x38]), phnum = le(header[0x38..<0x3a])
        for i in 0..<phnum where le(try read(4, at: phoff + i * phentsize)[0..<4]) == 3 { return true }
        return false
    }

    /// Applet names as `busybox --list` prints them (`sh`, `ps`, ...).
    func applets() throws -> [String] {
        let names = try BusyboxRootfs.output(of: binary, ["--list"]).split(separator: "\n").map(String.init)
        // Each becomes a file name in /bin: nothing but a plain name may.
        for name in names where name.isEmpty || name.contains("/") || name == "." || name == ".." || name.utf8.count > 64 {
            throw RuntimeError(.invalidArgument, "build busybox: \(binary) --list printed an unusable applet name \(name)")
        }
        return names
    }

    /// The first line of `busybox --help`: "BusyBox v1.35.0 (...) multi-call binary.", without its end.
    static func banner(_ binary: String) throws -> String {
        let first = try output(of: binary, ["--help"]).split(separator: "\n").first.map(String.init) ?? ""
        guard let range = first.firstRange(of: " multi-call binary") else { return first }
        return String(first[..<range.lowerBound])
    }

    private static func output(of binary: String, _ arguments: [String]) throws -> String {
        let result: ChildProcess.Output
        do { result = try ChildProcess.run(binary, arguments, outputLimit: 1 << 20, errorLimit: nil) } catch {
            throw RuntimeError(.failed, "build busybox: run \(binary) \(arguments.joined(separator: " ")): \(error)")
        }
        guard result.termination.exited, result.termination.status == 0 else {
            throw RuntimeError(.failed, "build busybox: \(binary) \(arguments.joined(separator: " ")) exited \(result.termination.status)")
        }
        return String(decoding: result.stdout, as: UTF8.self)
    }

    func write(into writer: TarWriter) throws {
        var st = stat()
        guard stat(binary, &st) == 0 else { throw RuntimeError.errno("stat", binary) }
        // One time for every member: the same busybox binary always gives the same layer digest.
        let mtime = st.st_mtim.tv_sec
        let applets = try applets()

        // (mode, uid/gid): home folders belong to their users, as in Docker's image.
        let directories: [(String, UInt32, UInt32)] = [
            ("bin", 0o755, 0), ("dev", 0o755, 0), ("etc", 0o755, 0), ("home", 0o755, 0), ("proc", 0o755, 0),
            ("root", 0o700, 0), ("sys", 0o755, 0), ("tmp", 0o1777, 0), ("usr", 0o755, 0), ("usr/bin", 0o755, 0),
            ("usr/sbin", 0o755, 0), ("var", 0o755, 0), ("var/spool", 0o755, 0), ("var/spool/mail", 0o755, 8),
            ("var/www", 0o755, 33),
        ]
        for (path, mode, owner) in directories {
            var e = entry(path, .directory, mode, mtime)
            e.uid = owner; e.gid = owner
            try writer.add(e)
        }
        var binaryEntry = entry("bin/busybox", .regular, 0o755, mtime)
        binaryEntry.size = Int64(st.st_size)
        try writer.add(binaryEntry, contentsOf: binary)
        for applet in Set(applets).sorted() where applet != "busybox" {
            var link = entry("bin/" + applet, .hardlink, 0o755, mtime)
            link.linkTarget = "bin/busybox"
            try writer.add(link)
        }
        var env = entry("usr/bin/env", .symlink, 0o777, mtime)
        env.linkTarget = "../../bin/env"
        try writer.add(env)
        let files: [(String, String, UInt32)] = [
            ("etc/passwd", BusyboxRootfs.passwd, 0o644), ("etc/group", BusyboxRootfs.group, 0o644),
            ("etc/shadow", BusyboxRootfs.shadow, 0o600),
            // Bind-mount targets: the runtime mounts the container's own files over them.
            ("etc/hostname", "", 0o644), ("etc/hosts", "", 0o644), ("etc/resolv.conf", "", 0o644),
        ]
        for (path, text, mode) in files {
            try writer.add(entry(path, .regular, mode, mtime), data: Data(text.utf8))
        }
    }

    private func entry(_ path: String, _ kind: TarEntry.Kind, _ mode: UInt32, _ mtime: Int) -> TarEntry {
        var e = TarEntry(path: path, kind: kind)
        e.mode = mode
        e.mtime = mtime
        return e
    }
}
