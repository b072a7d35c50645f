import Foundation
import Testing
@testable import ContainerRuntime
import CRuntime
#if canImport(Glibc)
import Glibc
#endif

@Suite struct LayerWhiteoutTests {
    @Test(.enabled(if: ImageConditions.isRoot, "whiteouts need mknod, opaque dirs trusted.* xattrs"))
    func ociWhiteoutsUnpackToOverlayWhiteouts() throws {
        let dir = try ImageTempDir()
        let tar = dir.path + "/layer.tar"
        try ImageFixtures.writeTar(tar, [
            ImageFixtures.dir("etc"),
            ImageFixtures.file("etc/.wh.motd", ""),
            ImageFixtures.dir("data"),
            ImageFixtures.file("data/.wh..wh..opq", ""),
            ImageFixtures.file("data/new", "new\n"),
        ])
        let out = try dir.mkdir("out")
        try TarExtractor(mode: .layer).extract(tar, into: out)

        let whiteout = try #require(try ImageFiles.lstatIfExists(out + "/etc/motd"))
        #expect(ImageFiles.isWhiteout(whiteout))
        #expect(!ImageFiles.exists(out + "/etc/.wh.motd"))
        #expect(try ImageFiles.isOpaque(out + "/data"))
        #expect(!ImageFiles.exists(out + "/data/.wh..wh..opq"))
        #expect(try dir.read("out/data/new") == "new\n")
        #expect(try !ImageFiles.isOpaque(out + "/etc"))
    }

    @Test(.enabled(if: ImageConditions.isRoot, "whiteouts need mknod, opaque dirs trusted.* xattrs"))
    func overlayWhiteoutsPackToOCIWhiteouts() throws {
        let dir = try ImageTempDir()
        let upper = try dir.mkdir("upper")
        try dir.mkdir("upper/etc")
        try ImageFiles.makeWhiteout(upper + "/etc/motd")
        try dir.mkdir("upper/data")
        try ImageFiles.setOpaque(upper + "/data")
        try dir.write("upper/data/new", "new\n")
        // overlayfs' own bookkeeping must not travel with the layer.
        #expect(lsetxattr(upper + "/etc", "trusted.overlay.impure", "y", 1, 0) == 0)

        let tar = dir.path + "/layer.tar"
        let fd = open(tar, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        defer { close(fd) }
        let writer = try TarWriter(fd: fd, label: tar)
        try LayerPacker(skipRuntimePlaceholders: true).packLayer(upper, into: writer)
        try writer.finish()

        let members = try TarListing.members(tar)
        #expect(try ImageFixtures.names(tar) == ["data", "data/.wh..wh..opq", "data/new", "etc", "etc/.wh.motd"])
        #expect(members.first { $0.path == "etc/.wh.motd" }?.type == S_IFREG)

        // And back: the round trip gives overlayfs' form again.
        let out = try dir.mkdir("out")
        try TarExtractor(mode: .layer).extract(tar, into: out)
        #expect(ImageFiles.isWhiteout(try #require(try ImageFiles.lstatIfExists(out + "/etc/motd"))))
        #expect(try ImageFiles.isOpaque(out + "/data"))
        #expect(try ImageFiles.xattr(out + "/etc", "trusted.overlay.impure") == nil)
    }

    @Test func memberPathsCannotLeaveTheDestination() {
        #expect(TarExtractor.memberPath("./etc/passwd") == "etc/passwd")
        #expect(TarExtractor.memberPath("/etc//passwd") == "etc/passwd")
        #expect(TarExtractor.memberPath("./") == "")
        #expect(TarExtractor.memberPath("a/../../etc") == nil)
    }

    @Test(.enabled(if: ImageConditions.isRoot, "whiteouts need mknod, opaque dirs trusted.* xattrs"))
    func exportShowsTheUnionAsOverlayfsWould() throws {
        let dir = try ImageTempDir()
        let lower = try dir.mkdir("lower")
        try dir.write("lower/a", "a")
        try dir.write("lower/b", "b")
        try dir.write("lower/d/x", "x")
        try dir.write("lower/keep/k", "k")
        try dir.mkdir("lower/proc")
        let upper = try dir.mkdir("upper")
        try ImageFiles.makeWhiteout(upper + "/a")
        try dir.mkdir("upper/d")
        try ImageFiles.setOpaque(upper + "/d")
        try dir.write("upper/d/y", "y")
        try dir.write("upper/c", "c")
        try dir.write("upper/keep/k2", "k2")
        try dir.write("upper/proc/leak", "runtime plumbing")

        let tar = dir.path + "/export.tar"
        let fd = open(tar, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        defer { close(fd) }
        try ImageStore(root: dir.path + "/root").exportRootfs(lowerDirs: [lower], upperDir: upper, to: fd)

        #expect(try ImageFixtures.names(tar) == ["b", "c", "d", "d/y", "keep", "keep/k", "keep/k2", "proc"])
    }

    @Test func exportWithoutAnUpperDirIsTheImage() throws {
        let dir = try ImageTempDir()
        let (store, base) = try ImageFixtures.storeWithBase(dir)
        let tar = dir.path + "/export.tar"
        let fd = open(tar, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        defer { close(fd) }
        try store.exportRootfs(lowerDirs: try store.lowerDirs(of: base), upperDir: dir.path + "/never-started", to: fd)
        #expect(try ImageFixtures.names(tar) == ImageFixtures.baseRootfs.map(\.0.path).sorted())
    }
}
