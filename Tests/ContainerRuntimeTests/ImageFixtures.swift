import Foundation
import Testing
@testable import ContainerRuntime
#if canImport(Glibc)
import Glibc
#endif

/// Tar fixtures written by the tests themselves.
enum ImageFixtures {
    static func file(_ path: String, _ text: String, mode: UInt32 = 0o644) -> (TarEntry, Data?) {
        var e = TarEntry(path: path, kind: .regular)
        e.mode = mode; e.mtime = 1_700_000_000
        return (e, Data(text.utf8))
    }

    static func dir(_ path: String, mode: UInt32 = 0o755) -> (TarEntry, Data?) {
        var e = TarEntry(path: path, kind: .directory)
        e.mode = mode; e.mtime = 1_700_000_000
        return (e, nil)
    }

    static func link(_ path: String, to target: String) -> (TarEntry, Data?) {
        var e = TarEntry(path: path, kind: .symlink)
        e.mode = 0o777; e.mtime = 1_700_000_000; e.linkTarget = target
        return (e, nil)
    }

    /// Writes `members` as a tar at `path`; returns the digest of the bytes written.
    @discardableResult
    static func writeTar(_ path: String, _ members: [(TarEntry, Data?)], gzip: Bool = false) throws -> String {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw RuntimeError.errno("open", path) }
        defer { close(fd) }
        let writer = try TarWriter(fd: fd, label: path, gzip: gzip)
        for (entry, data) in members { try writer.add(entry, data: data) }
        return try writer.finish().digest
    }

    /// A small rootfs: what `import` turns into a one-layer base image.
    static let baseRootfs: [(TarEntry, Data?)] = [
        dir("bin"), dir("etc"), dir("proc"), dir("sys"), dir("dev"), dir("tmp", mode: 0o1777),
        file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n"),
        file("etc/hostname", ""), file("etc/hosts", ""), file("etc/resolv.conf", ""),
        file("etc/motd", "hello\n"),
        link("bin/sh", to: "/bin/busybox"),
        dir("data"), file("data/a", "a\n"), file("data/b", "b\n"),
    ]

    /// A store in a fresh temp root with `base:1` imported from `baseRootfs`.
    static func storeWithBase(_ dir: ImageTempDir) throws -> (ImageStore, ImageRecord) {
        let tar = dir.path + "/base.tar"
        try writeTar(tar, baseRootfs)
        let store = ImageStore(root: dir.path + "/root")
        let image = try store.importTarball(path: tar, reference: "base:1")
        return (store, image)
    }

    /// Member names without the trailing "/" that tar writers put on directories.
    static func names(_ tarPath: String) throws -> [String] {
        try TarListing.members(tarPath).map { $0.path.hasSuffix("/") ? String($0.path.dropLast()) : $0.path }
    }
}
