import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The `busybox` image's only layer, written straight into a tar (no staging directory, so no
/// ownership or mode depends on the host): Debian's static busybox, every applet a symlink to it,
/// users root and nobody, and the mount points a container needs.
struct BusyboxRootfs {
    let binary: String

    /// Debian's busybox-static installs a statically linked /bin/busybox. A dynamically linked one
    /// (the `busybox` package) would not run in an image without its libraries.
    static func locateBinary() throws -> String {
        for candidate in ["/bin/busybox", "/usr/bin/busybox"] where access(candidate, X_OK) == 0 {
            guard try !isDynamicallyLinked(candidate) else {
                throw RuntimeError(.failed, "build busybox: \(candidate) is dynamically linked (apt-get install busybox-static)")
            }
            return candidate
        }
        throw RuntimeError(.notFound, "build busybox: /bin/busybox not found (apt-get install busybox-static)")
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

    /// Applet paths as `busybox --list-full` prints them (`bin/sh`, `usr/sbin/chroot`, ...).
    func applets() throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--list-full"]
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { throw RuntimeError(.failed, "build busybox: run \(binary) --list-full: \(error)") }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw RuntimeError(.failed, "build busybox: \(binary) --list-full exited \(process.terminationStatus)")
        }
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    func write(into writer: TarWriter) throws {
        var st = stat()
        guard stat(binary, &st) == 0 else { throw RuntimeError.errno("stat", binary) }
        // One time for every member: the same busybox binary always gives the same layer digest.
        let mtime = st.st_mtim.tv_sec
        let applets = try applets()

        var directories: [String: UInt32] = [
            "bin": 0o755, "dev": 0o755, "etc": 0o755, "home": 0o755, "proc": 0o755, "root": 0o700,
            "sys": 0o755, "tmp": 0o1777, "usr": 0o755, "usr/bin": 0o755, "usr/sbin": 0o755, "sbin": 0o755,
            "var": 0o755, "var/tmp": 0o1777, "var/run": 0o755,
        ]
        for applet in applets {
            var parent = (applet as NSString).deletingLastPathComponent
            while !parent.isEmpty {
                if directories[parent] == nil { directories[parent] = 0o755 }
                parent = (parent as NSString).deletingLastPathComponent
            }
        }
        for (path, mode) in directories.sorted(by: { $0.key < $1.key }) {
            try writer.add(entry(path, .directory, mode, mtime))
        }
        var binaryEntry = entry("bin/busybox", .regular, 0o755, mtime)
        binaryEntry.size = Int64(st.st_size)
        try writer.add(binaryEntry, contentsOf: binary)
        for applet in Set(applets).sorted() where applet != "bin/busybox" {
            var link = entry(applet, .symlink, 0o777, mtime)
            link.linkTarget = "/bin/busybox"
            try writer.add(link)
        }
        let files: [(String, String, UInt32)] = [
            ("etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n", 0o644),
            ("etc/group", "root:x:0:\nnobody:x:65534:\n", 0o644),
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
