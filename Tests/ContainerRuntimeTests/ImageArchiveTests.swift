import Foundation
import Testing
@testable import ContainerRuntime
#if canImport(Glibc)
import Glibc
#endif

@Suite struct ImageArchiveTests {
    /// Builds an OCI image layout archive by hand: a gzip layer, a config, a manifest, index.json.
    private func makeOCIArchive(_ dir: ImageTempDir, annotations: [String: String]) throws -> (path: String, diffID: String) {
        let layerMembers = [ImageFixtures.dir("app"), ImageFixtures.file("app/hello", "hello from OCI\n"),
                            ImageFixtures.dir("etc"), ImageFixtures.file("etc/.wh.motd", "")]
        let diffID = try ImageFixtures.writeTar(dir.path + "/layer.tar", layerMembers)
        let blobDigest = try ImageFixtures.writeTar(dir.path + "/layer.tar.gz", layerMembers, gzip: true)
        let config: [String: Any] = [
            "architecture": "amd64", "os": "linux", "created": "2024-05-01T10:00:00.123456789Z",
            "config": ["Env": ["PATH=/bin"], "Cmd": ["/app/hello"], "WorkingDir": "/app"],
            "rootfs": ["type": "layers", "diff_ids": [diffID]],
        ]
        let configData = try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys])
        let configDigest = SHA256Digest.digest(configData)
        let manifest: [String: Any] = [
            "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": ["mediaType": "application/vnd.oci.image.config.v1+json", "digest": configDigest, "size": configData.count],
            "layers": [["mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": blobDigest, "size": 0]],
        ]
        let manifestData = try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
        let manifestDigest = SHA256Digest.digest(manifestData)
        let index: [String: Any] = [
            "schemaVersion": 2,
            "manifests": [["mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": manifestDigest,
                           "size": manifestData.count, "annotations": annotations,
                           "platform": ["architecture": "amd64", "os": "linux"]]],
        ]
        let gz = try FileIO.read(dir.path + "/layer.tar.gz")
        func blob(_ digest: String, _ data: Data) -> (TarEntry, Data?) {
            ImageFixtures.file("blobs/sha256/" + ImageStore.hex(digest), String(decoding: data, as: UTF8.self))
        }
        var gzEntry = TarEntry(path: "blobs/sha256/" + ImageStore.hex(blobDigest), kind: .regular)
        gzEntry.mode = 0o644
        let archive = dir.path + "/oci.tar"
        try ImageFixtures.writeTar(archive, [
            ImageFixtures.file("oci-layout", #"{"imageLayoutVersion":"1.0.0"}"#),
            ImageFixtures.file("index.json", String(decoding: try JSONSerialization.data(withJSONObject: index), as: UTF8.self)),
            ImageFixtures.dir("blobs"), ImageFixtures.dir("blobs/sha256"),
            blob(configDigest, configData), blob(manifestDigest, manifestData), (gzEntry, gz),
        ])
        return (archive, diffID)
    }

    @Test func ociLayoutArchiveWithGzipLayerLoadsAndResolves() throws {
        let dir = try ImageTempDir()
        let (archive, diffID) = try makeOCIArchive(dir, annotations: [
            "io.containerd.image.name": "docker.io/library/ociapp:1.0", "org.opencontainers.image.ref.name": "1.0"])
        let store = ImageStore(root: dir.path + "/root")
        #expect(try store.load(path: archive) == ["Loaded image: ociapp:1.0"])

        let image = try store.resolve("ociapp:1.0")
        #expect(image.layers == [diffID])
        #expect(image.config.cmd == ["/app/hello"])
        #expect(image.config.workingDir == "/app")
        #expect(image.created == ImageDates.parse("2024-05-01T10:00:00.123456789Z"))
        let lower = try #require(try store.lowerDirs(of: image).first)
        #expect(try String(decoding: FileIO.read(lower + "/app/hello"), as: UTF8.self) == "hello from OCI\n")
        // The id is the digest of the config bytes, as Docker computes it.
        #expect(SHA256Digest.digest(try store.configData(of: image)) == image.id)
    }

    @Test func ociArchiveNamedOnlyByTagLoadsUntagged() throws {
        let dir = try ImageTempDir()
        let (archive, _) = try makeOCIArchive(dir, annotations: ["org.opencontainers.image.ref.name": "latest"])
        let store = ImageStore(root: dir.path + "/root")
        let lines = try store.load(path: archive)
        let image = try #require(try store.list().first)
        #expect(lines == ["Loaded image ID: \(image.id)"])
        #expect(image.repoTags.isEmpty)
    }

    @Test func dockerArchiveSaveLoadRoundTrip() throws {
        let dir = try ImageTempDir()
        let (store, base) = try ImageFixtures.storeWithBase(dir)
        let upper = try dir.mkdir("upper")
        try dir.write("upper/data/c", "c\n")
        let child = try store.commit(upperDir: upper, baseImage: base, config: base.config, reference: "child:2", comment: nil)

        let archive = dir.path + "/saved.tar"
        let fd = open(archive, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        try #require(fd >= 0)
        try store.save(references: ["child:2", "base:1"], to: fd)
        close(fd)
        let names = try ImageFixtures.names(archive)
        #expect(names.contains("manifest.json") && names.contains("repositories"))
        #expect(names.contains(ImageStore.hex(child.id) + ".json"))
        #expect(names.filter { $0.hasSuffix("/layer.tar") }.count == 2)    // the shared base layer once

        let other = ImageStore(root: dir.path + "/other")
        let input = open(archive, O_RDONLY | O_CLOEXEC)
        defer { close(input) }
        #expect(try other.load(fd: input) == ["Loaded image: child:2", "Loaded image: base:1"])
        let loaded = try other.resolve("child:2")
        #expect(loaded.id == child.id)
        #expect(loaded.layers == child.layers)
        #expect(loaded.size == child.size)
        let top = try #require(try other.lowerDirs(of: loaded).first)
        #expect(try String(decoding: FileIO.read(top + "/data/c"), as: UTF8.self) == "c\n")
    }

    @Test func loadRejectsALayerWhoseDigestDoesNotMatch() throws {
        let dir = try ImageTempDir()
        try ImageFixtures.writeTar(dir.path + "/l.tar", [ImageFixtures.file("x", "x")])
        let config = #"{"rootfs":{"type":"layers","diff_ids":["sha256:0000000000000000000000000000000000000000000000000000000000000000"]}}"#
        let manifest = #"[{"Config":"c.json","RepoTags":["bad:1"],"Layers":["l/layer.tar"]}]"#
        try ImageFixtures.writeTar(dir.path + "/bad.tar", [
            ImageFixtures.file("c.json", config), ImageFixtures.file("manifest.json", manifest), ImageFixtures.dir("l"),
            (TarEntry(path: "l/layer.tar", kind: .regular), try FileIO.read(dir.path + "/l.tar")),
        ])
        let store = ImageStore(root: dir.path + "/root")
        #expect(throws: RuntimeError.self) { try store.load(path: dir.path + "/bad.tar") }
        #expect(try store.list().isEmpty)
        #expect(try ImageFiles.listDirectory(store.layersDir).isEmpty)
    }

    @Test func importFromAPipeGivesAnImageWithoutCommand() throws {
        let dir = try ImageTempDir()
        try ImageFixtures.writeTar(dir.path + "/rootfs.tar", ImageFixtures.baseRootfs)
        let store = ImageStore(root: dir.path + "/root")
        let fd = open(dir.path + "/rootfs.tar", O_RDONLY | O_CLOEXEC)
        defer { close(fd) }
        let image = try store.importTarball(fd: fd, reference: "imported")
        #expect(image.repoTags == ["imported:latest"])
        #expect(image.config.cmd.isEmpty)
        #expect(image.size == 40)    // passwd 30 + motd 6 + a 2 + b 2: the bytes of regular files
    }

    /// Old `docker save` wrote a layer shared by two images once and linked the second name to it.
    @Test func legacyArchiveWithSymlinkedLayerLoads() throws {
        let dir = try ImageTempDir()
        let diffID = try ImageFixtures.writeTar(dir.path + "/l.tar", [ImageFixtures.file("x", "x\n")])
        let config = #"{"config":{"Cmd":["sh"]},"rootfs":{"type":"layers","diff_ids":["\#(diffID)"]}}"#
        let manifest = #"[{"Config":"c.json","RepoTags":["legacy:1"],"Layers":["b/layer.tar"]}]"#
        try ImageFixtures.writeTar(dir.path + "/legacy.tar", [
            ImageFixtures.file("c.json", config), ImageFixtures.file("manifest.json", manifest),
            ImageFixtures.dir("a"), (TarEntry(path: "a/layer.tar", kind: .regular), try FileIO.read(dir.path + "/l.tar")),
            ImageFixtures.dir("b"), ImageFixtures.link("b/layer.tar", to: "../a/layer.tar"),
        ])
        let store = ImageStore(root: dir.path + "/root")
        #expect(try store.load(path: dir.path + "/legacy.tar") == ["Loaded image: legacy:1"])
        #expect(try store.resolve("legacy:1").layers == [diffID])
    }

    @Test func archiveMembersCannotPointOutsideTheArchive() throws {
        let dir = try ImageTempDir()
        let manifest = #"[{"Config":"c.json","RepoTags":["evil:1"],"Layers":["l/layer.tar"]}]"#
        try ImageFixtures.writeTar(dir.path + "/evil.tar", [
            ImageFixtures.file("manifest.json", manifest), ImageFixtures.link("c.json", to: "/etc/passwd"),
        ])
        let store = ImageStore(root: dir.path + "/root")
        // The link is followed inside the unpacked archive, where there is no /etc/passwd.
        #expect {
            try store.load(path: dir.path + "/evil.tar")
        } throws: { error in
            let message = (error as? RuntimeError)?.message ?? ""
            return message.contains("evil.tar: c.json") && message.contains("No such file") && !message.contains("/root/tmp")
        }
        #expect(try store.list().isEmpty)
    }
}
