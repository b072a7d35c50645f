import Foundation
import Testing
@testable import ContainerRuntime
#if canImport(Glibc)
import Glibc
#endif

/// Crafted archives given to the real `isolab` CLI (as root, as a user would run it): Docker's
/// exit code and wording, the user's file named, and nothing written outside the store.
@Suite(.serialized) struct ImageHostileIntegrationTests {
    /// Runs isolab with its store under `root`; returns (status, stdout, stderr).
    private func isolab(_ binary: String, root: String, _ args: [String]) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        p.environment = ["ISOLAB_ROOT": root, "PATH": "/usr/bin:/bin"]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    private func writeTar(_ path: String, _ members: [(TarEntry, Data?)]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw RuntimeError.errno("open", path) }
        defer { close(fd) }
        let writer = try TarWriter(fd: fd, label: path)
        for (e, data) in members { try writer.add(e, data: data) }
        try writer.finish()
    }

    private func entry(_ path: String, _ kind: TarEntry.Kind, _ text: String? = nil, link: String = "") -> (TarEntry, Data?) {
        var e = TarEntry(path: path, kind: kind)
        e.mode = kind == .directory ? 0o755 : 0o644
        e.linkTarget = link
        return (e, text.map { Data($0.utf8) })
    }

    @Test(.enabled(if: ImageIntegrationConditions.canKillIsolab, "needs root and an isolab binary whose CLI has `load`"))
    func importAndLoadOfASymlinkWhiteoutLeaveTheHostAlone() throws {
        let dir = try ImageIntegrationDir()
        let binary = try #require(ImageIntegrationConditions.isolabBinary)
        let canary = try dir.mkdir("canary/sub")
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: canary + "/precious.txt"))
        let root = dir.path + "/store"
        let layer = dir.path + "/evil-layer.tar"
        try writeTar(layer, [
            entry("evil", .symlink, link: canary),
            entry("evil/.wh.precious.txt", .regular, ""),
            entry("evil/.wh..wh..opq", .regular, ""),
        ])

        let (status, _, stderr) = try isolab(binary, root: root, ["import", layer, "evil:1"])
        #expect(status == 125)
        #expect(stderr.contains("evil-layer.tar"), "\(stderr)")
        #expect(!stderr.contains(root + "/tmp"), "\(stderr)")

        // The same layer inside a docker-archive, with its real digest.
        var hash = SHA256Digest()
        hash.update(try FileIO.read(layer))
        let diffID = "sha256:" + hash.finalizeHex()
        let config = Data(#"{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":["\#(diffID)"]}}"#.utf8)
        let configName = ImageStore.hex(SHA256Digest.digest(config)) + ".json"
        let archive = dir.path + "/evil-save.tar"
        try writeTar(archive, [
            (entry(configName, .regular).0, config),
            entry("l", .directory), (entry("l/layer.tar", .regular).0, try FileIO.read(layer)),
            entry("manifest.json", .regular, #"[{"Config":"\#(configName)","RepoTags":["evil:1"],"Layers":["l/layer.tar"]}]"#),
        ])
        let (loadStatus, _, loadErr) = try isolab(binary, root: root, ["load", "-i", archive])
        #expect(loadStatus == 125)
        #expect(loadErr.contains("evil-save.tar"), "\(loadErr)")

        #expect(try FileIO.read(canary + "/precious.txt") == Data("precious\n".utf8))
        #expect(try ImageFiles.xattrs(canary).isEmpty)
        let (_, images, _) = try isolab(binary, root: root, ["images", "-q"])
        #expect(images.isEmpty)
    }

    @Test(.enabled(if: ImageIntegrationConditions.canKillIsolab, "needs root and an isolab binary whose CLI has `load`"))
    func tagRefusesAPathWithDockersWording() throws {
        let dir = try ImageIntegrationDir()
        let binary = try #require(ImageIntegrationConditions.isolabBinary)
        let root = dir.path + "/store"
        let rootfs = dir.path + "/rootfs.tar"
        try writeTar(rootfs, [entry("etc", .directory), entry("etc/passwd", .regular, "root:x:0:0::/root:/bin/sh\n")])
        #expect(try isolab(binary, root: root, ["import", rootfs, "base:1"]).0 == 0)
        let (status, _, stderr) = try isolab(binary, root: root, ["tag", "base:1", "../../x:y"])
        #expect(status == 125)
        #expect(stderr == "Error parsing reference: \"../../x:y\" is not a valid repository/tag: invalid reference format\n")
        let tags = try ImageStore(root: root).readTags()
        #expect(tags.keys.sorted() == ["base:1"])
        #expect(!ImageFiles.exists(dir.path + "/x"))
    }
}
