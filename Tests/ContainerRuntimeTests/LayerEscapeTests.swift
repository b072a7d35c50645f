import Foundation
import Testing
@testable import ContainerRuntime
#if canImport(Glibc)
import Glibc
#endif

/// Layers crafted to write outside the store through symlinks they create themselves. Each test
/// imports one into a temp store and proves that a canary directory beside it was not touched.
@Suite struct LayerEscapeTests {
    /// A directory outside the store with known contents, checked intact afterwards.
    final class Canary {
        let dir: ImageTempDir
        var path: String { dir.path }

        init() throws {
            dir = try ImageTempDir("isolab-canary")
            try dir.write("sub/precious.txt", "precious\n")
            try dir.write("sub/tree/deep.txt", "deep\n")
            try dir.write("passwd", "evil:x:4242:4242::/:/bin/sh\n")
        }

        func expectIntact(sourceLocation: SourceLocation = #_sourceLocation) throws {
            #expect(try dir.read("sub/precious.txt") == "precious\n", sourceLocation: sourceLocation)
            #expect(try dir.read("sub/tree/deep.txt") == "deep\n", sourceLocation: sourceLocation)
            #expect(try ImageFiles.listDirectory(path) == ["passwd", "sub"], sourceLocation: sourceLocation)
            #expect(try ImageFiles.listDirectory(path + "/sub") == ["precious.txt", "tree"], sourceLocation: sourceLocation)
            for p in [path, path + "/sub", path + "/sub/tree"] {
                #expect(try ImageFiles.xattrs(p).isEmpty, "xattr on \(p)", sourceLocation: sourceLocation)
            }
            let st = try #require(try ImageFiles.lstatIfExists(path + "/sub/precious.txt"), sourceLocation: sourceLocation)
            #expect(st.st_nlink == 1, "a hard link was made to a canary file", sourceLocation: sourceLocation)
        }
    }

    private func hardlink(_ path: String, to target: String) -> (TarEntry, Data?) {
        var e = TarEntry(path: path, kind: .hardlink)
        e.linkTarget = target; e.mode = 0o644
        return (e, nil)
    }

    /// Directory members for every prefix of the absolute `path`, so that it exists inside the layer.
    private func dirs(_ path: String) -> [(TarEntry, Data?)] {
        let parts = path.split(separator: "/").map(String.init)
        return parts.indices.map { ImageFixtures.dir(parts[...$0].joined(separator: "/")) }
    }

    /// The error's text, which must name the user's archive, never the store's temp directory.
    private func expectRefused(_ error: Error?, sourceLocation: SourceLocation = #_sourceLocation) {
        let message = (error as? RuntimeError)?.message ?? "accepted"
        #expect(message.contains("evil.tar:/"), "\(message)", sourceLocation: sourceLocation)
        #expect(!message.contains("/root/tmp"), "\(message)", sourceLocation: sourceLocation)
    }

    /// Imports `members` as a layer; returns the store, the layer's diff dir (nil when refused) and the error.
    private func importLayer(_ dir: ImageTempDir, _ members: [(TarEntry, Data?)]) throws -> (ImageStore, String?, Error?) {
        let tar = dir.path + "/evil.tar"
        try ImageFixtures.writeTar(tar, members)
        let store = ImageStore(root: dir.path + "/root")
        do {
            let image = try store.importTarball(path: tar, reference: "evil:1")
            return (store, try store.lowerDirs(of: image).first, nil)
        } catch {
            return (store, nil, error)
        }
    }

    @Test(.enabled(if: ImageConditions.isRoot, "whiteouts need mknod"))
    func whiteoutThroughAnAbsoluteSymlinkStaysInTheLayer() throws {
        let canary = try Canary()
        let dir = try ImageTempDir()
        let attack: [(TarEntry, Data?)] = [
            ImageFixtures.link("evil", to: canary.path),
            ImageFixtures.file("evil/sub/.wh.precious.txt", ""),
            ImageFixtures.file("evil/sub/.wh.tree", ""),
        ]
        // The link leads nowhere inside the rootfs: refused, and nothing is stored.
        let (store, refused, error) = try importLayer(dir, attack)
        try canary.expectIntact()
        #expect(refused == nil)
        expectRefused(error)
        #expect(try store.list().isEmpty)
        #expect(try ImageFiles.listDirectory(store.layersDir).isEmpty)
        #expect(try ImageFiles.listDirectory(store.tempDir).isEmpty)

        // With the target present in the rootfs, the symlink is followed as the container would: inside it.
        let dir2 = try ImageTempDir()
        let (_, diff, error2) = try importLayer(dir2, dirs(canary.path + "/sub") + attack)
        try canary.expectIntact()
        #expect(error2 == nil)
        let diffDir = try #require(diff)
        let inside = try #require(try ImageFiles.lstatIfExists(diffDir + canary.path + "/sub/precious.txt"))
        #expect(ImageFiles.isWhiteout(inside))
    }

    @Test(.enabled(if: ImageConditions.isRoot, "opaque dirs need trusted.* xattrs"))
    func opaqueMarkerThroughASymlinkStaysInTheLayer() throws {
        let canary = try Canary()
        let dir = try ImageTempDir()
        let (_, diff, _) = try importLayer(dir, dirs(canary.path + "/sub") + [
            ImageFixtures.link("evil", to: canary.path + "/sub"),
            ImageFixtures.file("evil/.wh..wh..opq", ""),
            ImageFixtures.link("rel", to: "../../../../../../../.." + canary.path),
            ImageFixtures.file("rel/.wh..wh..opq", ""),
        ])
        try canary.expectIntact()
        let diffDir = try #require(diff)
        #expect(try ImageFiles.isOpaque(diffDir + canary.path + "/sub"))
        #expect(try ImageFiles.isOpaque(diffDir + canary.path))
    }

    @Test(.enabled(if: ImageConditions.isRoot, "layer owners need chown"))
    func filesThroughSymlinksAreWrittenInsideTheLayer() throws {
        let canary = try Canary()
        let dir = try ImageTempDir()
        let (_, refused, refusal) = try importLayer(dir, [
            ImageFixtures.link("evil", to: canary.path), ImageFixtures.file("evil/sub/precious.txt", "overwritten\n"),
        ])
        try canary.expectIntact()
        #expect(refused == nil)
        expectRefused(refusal)

        let dir2 = try ImageTempDir()
        let (_, diff, error) = try importLayer(dir2, dirs(canary.path + "/sub") + [
            ImageFixtures.link("evil", to: canary.path),
            ImageFixtures.file("evil/sub/precious.txt", "overwritten\n"),
            ImageFixtures.file("evil/new.txt", "new\n"),
            ImageFixtures.dir("evil/sub/tree"),
            ImageFixtures.link("evil/sub/tree/deep.txt", to: "/etc/shadow"),
        ])
        try canary.expectIntact()
        #expect(error == nil)
        let diffDir = try #require(diff)
        #expect(String(decoding: try FileIO.read(diffDir + canary.path + "/sub/precious.txt"), as: UTF8.self) == "overwritten\n")
    }

    @Test(.enabled(if: ImageConditions.isRoot, "layer owners need chown"))
    func hardLinksResolveBeneathTheLayer() throws {
        let canary = try Canary()
        let dir = try ImageTempDir()
        let (_, _, error) = try importLayer(dir, [
            ImageFixtures.link("evil", to: canary.path + "/sub"),
            hardlink("stolen", to: "evil/precious.txt"),
        ])
        try canary.expectIntact()
        // The target does not exist inside the layer: the link is refused, not made to the host file.
        expectRefused(error)
    }

    @Test(.enabled(if: ImageConditions.isRoot, "whiteouts need mknod"))
    func whiteoutsOfDotNamesAreRefused() throws {
        for name in [".wh..", ".wh...", "sub/.wh..", "sub/.wh..."] {
            let dir = try ImageTempDir()
            let canaryInside = try dir.write("keep.txt", "keep\n")
            let (store, _, error) = try importLayer(dir, [
                ImageFixtures.dir("sub"), ImageFixtures.file("sub/x", "x"), ImageFixtures.file(name, ""),
            ])
            #expect(error != nil, "\(name) accepted")
            #expect(try dir.read("keep.txt") == "keep\n")
            #expect(ImageFiles.exists(canaryInside))
            #expect(try store.list().isEmpty)
        }
    }

    @Test(.enabled(if: ImageConditions.isRoot, "layer owners need chown"))
    func aDirectoryReplacedByASymlinkIsNotWrittenThrough() throws {
        let canary = try Canary()
        let dir = try ImageTempDir()
        // The directory exists first, then a later member replaces it with a symlink out.
        let (_, diff, error) = try importLayer(dir, dirs(canary.path + "/sub") + [
            ImageFixtures.dir("d"),
            ImageFixtures.file("d/a", "a"),
            ImageFixtures.link("d", to: canary.path + "/sub"),
            ImageFixtures.file("d/precious.txt", "overwritten\n"),
        ])
        try canary.expectIntact()
        #expect(error == nil)
        let diffDir = try #require(diff)
        #expect(ImageFiles.exists(diffDir + canary.path + "/sub/precious.txt"))
    }

    @Test(.enabled(if: ImageConditions.isRoot, "layer owners need chown"))
    func userResolverReadsPasswdInsideTheRootfs() throws {
        let canary = try Canary()
        let dir = try ImageTempDir()
        let (_, diff, error) = try importLayer(dir, [
            ImageFixtures.dir("etc"),
            ImageFixtures.link("etc/passwd", to: canary.path + "/passwd"),
            ImageFixtures.link("etc/group", to: "../../../../../../.." + canary.path + "/passwd"),
        ])
        #expect(error == nil)
        let lower = try #require(diff)
        // The host file says evil is 4242; inside the rootfs the link leads nowhere.
        #expect(throws: RuntimeError.self) { try UserResolver(lowerDirs: [lower]).resolve("evil") }
        #expect(try UserResolver(lowerDirs: [lower]).resolve("4242").gid == 0)
        try canary.expectIntact()
    }

    @Test(.enabled(if: ImageConditions.isRoot, "layer owners need chown"))
    func userResolverFollowsAbsoluteLinksInsideTheRootfs() throws {
        let dir = try ImageTempDir()
        let (_, diff, _) = try importLayer(dir, [
            ImageFixtures.dir("etc"), ImageFixtures.dir("usr"),
            ImageFixtures.file("usr/passwd", "app:x:1000:1001::/home/app:/bin/sh\n"),
            ImageFixtures.link("etc/passwd", to: "/usr/passwd"),
        ])
        let lower = try #require(diff)
        let user = try UserResolver(lowerDirs: [lower]).resolve("app")
        #expect(user.uid == 1000 && user.gid == 1001 && user.home == "/home/app")
    }

    @Test(.enabled(if: ImageConditions.isRoot, "layer owners need chown"))
    func userResolverRefusesAHugeOrSpecialPasswd() throws {
        let big = String(repeating: "x", count: UserResolver.fileLimit + 1)
        let dir = try ImageTempDir()
        let (_, diff, _) = try importLayer(dir, [ImageFixtures.dir("etc"), ImageFixtures.file("etc/passwd", big)])
        let lower = try #require(diff)
        #expect(throws: RuntimeError.self) { try UserResolver(lowerDirs: [lower]).resolve("root") }

        // A FIFO as /etc/group is not opened for reading (it would block), and not taken for an empty file.
        let dir2 = try ImageTempDir()
        var fifo = TarEntry(path: "etc/group", kind: .fifo)
        fifo.mode = 0o644
        let (_, diff2, _) = try importLayer(dir2, [
            ImageFixtures.dir("etc"), ImageFixtures.file("etc/passwd", "root:x:0:0::/root:/bin/sh\n"), (fifo, nil),
        ])
        let lower2 = try #require(diff2)
        #expect(throws: RuntimeError.self) { try UserResolver(lowerDirs: [lower2]).resolve("root") }
        #expect(throws: RuntimeError.self) { try UserResolver(lowerDirs: [dir2.path + "/none", lower2]).resolve("0:staff") }
    }

    @Test(.enabled(if: ImageConditions.isRoot, "layer owners need chown"))
    func commitAndExportStoreSymlinksWithoutFollowingThem() throws {
        let canary = try Canary()
        let dir = try ImageTempDir()
        let (store, base) = try ImageFixtures.storeWithBase(dir)
        // A container replaced its /data directory by a link to the host, and /etc/motd too.
        let upper = try dir.mkdir("upper")
        #expect(symlink(canary.path + "/sub", upper + "/data") == 0)
        #expect(symlink(canary.path + "/sub", upper + "/etc") == 0)
        try dir.mkdir("upper/etc2")
        #expect(symlink(canary.path + "/sub/precious.txt", upper + "/etc2/motd") == 0)

        let committed = try store.commit(upperDir: upper, baseImage: base, config: base.config, reference: "c:1", comment: nil)
        let members = try TarListing.members(store.layerPath(committed.layers[1]) + "/layer.tar")
        #expect(members.map(\.path).allSatisfy { !$0.contains("precious") && !$0.contains("tree") }, "\(members.map(\.path))")
        #expect(members.first { $0.path == "data" }?.type == S_IFLNK)

        let tar = dir.path + "/export.tar"
        let fd = open(tar, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        defer { close(fd) }
        try store.exportRootfs(lowerDirs: try store.lowerDirs(of: base), upperDir: upper, to: fd)
        let exported = try TarListing.members(tar)
        #expect(exported.map(\.path).allSatisfy { !$0.contains("precious.txt/") && !$0.contains("tree") }, "\(exported.map(\.path))")
        #expect(exported.first { $0.path == "data" }?.type == S_IFLNK)
        #expect(!exported.contains { $0.path.hasPrefix("data/") || $0.path.hasPrefix("etc/") })
        #expect(exported.first { $0.path == "etc" }?.type == S_IFLNK)
        #expect(exported.allSatisfy { $0.size < 100 })    // no host file's bytes were read through a link
        try canary.expectIntact()
    }

    /// (uid_t)-1 is "leave unchanged" to setresuid: as a user id it would keep the process root.
    @Test func userIDsOutOfRuncsRangeAreRefused() throws {
        let dir = try ImageTempDir()
        try dir.write("etc/passwd", "big:x:4294967295:0::/:/bin/sh\nok:x:2147483647:2147483647::/:/bin/sh\n")
        let resolver = UserResolver(lowerDirs: [dir.path])
        for spec in ["4294967295", "0:4294967295", "2147483648", "99999999999999999999", "big"] {
            #expect(throws: RuntimeError.self, "\(spec)") { try resolver.resolve(spec) }
        }
        #expect(try resolver.resolve("ok").uid == 2_147_483_647)
        #expect(try resolver.resolve("2147483647:1").gid == 1)
    }
}
