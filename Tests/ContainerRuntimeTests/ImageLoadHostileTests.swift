import Foundation
import Testing
@testable import ContainerRuntime
#if canImport(Glibc)
import Glibc
#endif

/// `docker load` of crafted archives: ids are never paths, digests are checked, sizes and depths
/// are bounded, and a load that fails leaves the store as it was.
@Suite struct ImageLoadHostileTests {
    private func load(_ dir: ImageTempDir, _ members: [(TarEntry, Data?)]) throws -> (ImageStore, Result<[String], Error>) {
        let archive = dir.path + "/crafted.tar"
        try ImageFixtures.writeTar(archive, members)
        let store = ImageStore(root: dir.path + "/root")
        return (store, Result { try store.load(path: archive) })
    }

    private func message(_ result: Result<[String], Error>) -> String {
        switch result {
        case .success(let lines): return "loaded: \(lines)"
        case .failure(let error): return (error as? RuntimeError)?.message ?? "\(error)"
        }
    }

    /// Nothing of a failed load is left: no image, no layer, no tag, nothing in tmp.
    private func expectEmpty(_ store: ImageStore, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try store.list().isEmpty, sourceLocation: sourceLocation)
        #expect(try store.readTags().isEmpty, sourceLocation: sourceLocation)
        for dir in [store.layersDir, store.tempDir] where ImageFiles.exists(dir) {
            #expect(try ImageFiles.listDirectory(dir).isEmpty, "\(dir)", sourceLocation: sourceLocation)
        }
    }

    @Test(.enabled(if: ImageConditions.isRoot, "layer owners need chown"))
    func diffIDsThatArePathsAreRefused() throws {
        let dir = try ImageTempDir()
        // What `sha256:../../fakelayer` would have reached from layers/: a directory beside the store.
        try dir.write("fakelayer/diff/secret", "host\n")
        let (layerData, _) = try HostileArchives.layer(dir, [ImageFixtures.file("x", "x")])
        for bad in ["sha256:../../fakelayer", "sha256:" + String(repeating: "A", count: 64), "md5:abc", "sha256:"] {
            let config = try HostileArchives.config(diffIDs: [bad])
            let (store, result) = try load(dir, try HostileArchives.dockerArchive([.init(config: config, layers: [layerData], tags: ["evil:1"])]))
            #expect(message(result).contains("invalid diff_id"), "\(bad): \(message(result))")
            try expectEmpty(store)
        }
        #expect(try dir.read("fakelayer/diff/secret") == "host\n")
    }

    @Test(.enabled(if: ImageConditions.isRoot, "layer owners need chown"))
    func digestsAreCheckedAgainstTheirBytes() throws {
        let dir = try ImageTempDir()
        let (layerData, diffID) = try HostileArchives.layer(dir, [ImageFixtures.file("x", "x")])
        let config = try HostileArchives.config(diffIDs: [diffID])
        let otherConfig = try HostileArchives.config(diffIDs: [diffID], cmd: ["other"])
        let manifest = try HostileArchives.manifest(config: config, layers: [layerData])

        // docker-archive: a config named by an id that is not its digest.
        let wrongName = ImageStore.hex(SHA256Digest.digest(otherConfig)) + ".json"
        var (store, result) = try load(dir, try HostileArchives.dockerArchive([.init(config: config, layers: [layerData], tags: ["a:1"], configName: wrongName)]))
        #expect(message(result).contains("digest mismatch"), "\(message(result))")
        try expectEmpty(store)

        // OCI: a config blob whose bytes are not the digest the manifest names.
        (store, result) = try load(dir, try HostileArchives.ociArchive(
            index: [HostileArchives.descriptor(manifest, mediaType: HostileArchives.manifestType, name: "a:1")],
            blobs: [manifest, layerData], extraBlobs: [(SHA256Digest.digest(config), otherConfig)]))
        #expect(message(result).contains("digest mismatch"), "\(message(result))")
        try expectEmpty(store)

        // OCI: a layer blob with other bytes than its digest, even with the right diff_id.
        let (otherLayer, _) = try HostileArchives.layer(dir, [ImageFixtures.file("y", "y")])
        (store, result) = try load(dir, try HostileArchives.ociArchive(
            index: [HostileArchives.descriptor(manifest, mediaType: HostileArchives.manifestType, name: "a:1")],
            blobs: [manifest, config], extraBlobs: [(SHA256Digest.digest(layerData), otherLayer)]))
        #expect(message(result).contains("digest mismatch"), "\(message(result))")
        try expectEmpty(store)
    }

    @Test(.enabled(if: ImageConditions.isRoot, "layer owners need chown"))
    func aFailedLoadKeepsNothing() throws {
        let dir = try ImageTempDir()
        let (goodLayer, goodID) = try HostileArchives.layer(dir, [ImageFixtures.file("good", "good")])
        let (badLayer, _) = try HostileArchives.layer(dir, [ImageFixtures.file("bad", "bad")])
        let (_, otherID) = try HostileArchives.layer(dir, [ImageFixtures.file("other", "other")])
        let (store, result) = try load(dir, try HostileArchives.dockerArchive([
            .init(config: try HostileArchives.config(diffIDs: [goodID]), layers: [goodLayer], tags: ["good:1"]),
            .init(config: try HostileArchives.config(diffIDs: [otherID]), layers: [badLayer], tags: ["bad:1"]),
        ]))
        #expect(message(result).contains("layer digest mismatch"), "\(message(result))")
        #expect(message(result).contains("crafted.tar"))
        try expectEmpty(store)

        // A store that had images keeps exactly those.
        let (base, image) = try ImageFixtures.storeWithBase(dir)
        let archive = dir.path + "/crafted.tar"
        #expect(throws: RuntimeError.self) { try base.load(path: archive) }
        #expect(try base.list().map(\.id) == [image.id])
        #expect(try base.readTags() == ["base:1": image.id])
    }

    @Test func referencesFollowDockersGrammar() throws {
        let dir = try ImageTempDir()
        let (layerData, diffID) = try HostileArchives.layer(dir, [ImageFixtures.file("x", "x")])
        for tag in ["../../x:y", "a//b:1", "x:../y", "/abs:1", "a/../b:1", "x:" + String(repeating: "t", count: 129)] {
            let (store, result) = try load(dir, try HostileArchives.dockerArchive([
                .init(config: try HostileArchives.config(diffIDs: [diffID]), layers: [layerData], tags: [tag]),
            ]))
            #expect(message(result).contains("is not a valid image reference"), "\(tag): \(message(result))")
            try expectEmpty(store)
        }
    }

    @Test(.enabled(if: ImageConditions.isRoot, "layer owners need chown"))
    func tagRefusesAPathAsATarget() throws {
        let dir = try ImageTempDir()
        let (store, _) = try ImageFixtures.storeWithBase(dir)
        #expect {
            try store.tag(source: "base:1", target: "../../x:y")
        } throws: { error in
            (error as? RuntimeError)?.operation == "parse reference" && (error as? RuntimeError)?.reference == "../../x:y"
        }
        #expect(try store.readTags().keys.sorted() == ["base:1"])
    }

    @Test func manifestsMustBeSmallRegularFiles() throws {
        let dir = try ImageTempDir()
        // A symlink to a device: followed inside the unpacked archive, where there is none.
        var (store, result) = try load(dir, [ImageFixtures.link("manifest.json", to: "/dev/zero")])
        #expect(message(result).contains("neither manifest.json") || message(result).contains("No such file"), "\(message(result))")
        try expectEmpty(store)

        (store, result) = try load(dir, [ImageFixtures.dir("manifest.json")])
        #expect(message(result).contains("not a regular file"), "\(message(result))")

        let big = Data(repeating: 0x20, count: ArchiveManifest.jsonLimit + 1)
        (store, result) = try load(dir, [HostileArchives.blob("manifest.json", big)])
        #expect(message(result).contains("allowed"), "\(message(result))")
        try expectEmpty(store)

        (store, result) = try load(dir, [HostileArchives.blob("index.json", big)])
        #expect(message(result).contains("allowed"), "\(message(result))")
    }

    @Test func indexesThatNestTooDeepOrListThemselvesAreErrors() throws {
        let dir = try ImageTempDir()
        // An index blob that names its own digest cannot be built: it names a blob that is not itself.
        let fake = "sha256:" + String(repeating: "0", count: 64)
        let selfish = try HostileArchives.json(["schemaVersion": 2, "manifests": [["mediaType": HostileArchives.indexType, "digest": fake, "size": 1]]])
        var (store, result) = try load(dir, try HostileArchives.ociArchive(
            index: [["mediaType": HostileArchives.indexType, "digest": fake, "size": 1]], blobs: [], extraBlobs: [(fake, selfish)]))
        #expect(message(result).contains("digest mismatch"), "\(message(result))")
        try expectEmpty(store)

        // A chain of honest indexes deeper than the bound.
        var blobs: [Data] = []
        var inner = try HostileArchives.json(["schemaVersion": 2, "manifests": [[String: Any]]()])
        blobs.append(inner)
        for _ in 0..<(ArchiveManifest.maxIndexDepth + 2) {
            inner = try HostileArchives.json(["schemaVersion": 2, "manifests": [HostileArchives.descriptor(inner, mediaType: HostileArchives.indexType)]])
            blobs.append(inner)
        }
        (store, result) = try load(dir, try HostileArchives.ociArchive(
            index: [HostileArchives.descriptor(inner, mediaType: HostileArchives.indexType)], blobs: blobs))
        #expect(message(result).contains("nested more than"), "\(message(result))")
        try expectEmpty(store)

        // Deeply nested JSON arrays are an error, not a stack overflow.
        let deep = Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        (store, result) = try load(dir, [HostileArchives.blob("manifest.json", deep)])
        #expect(message(result).contains("manifest.json"), "\(message(result))")
    }

    @Test func failedImportsNameTheUsersFile() throws {
        let dir = try ImageTempDir()
        let garbage = try dir.write("not-a-tar.tar", String(repeating: "garbage ", count: 200))
        let store = ImageStore(root: dir.path + "/root")
        #expect {
            try store.importTarball(path: garbage, reference: "x:1")
        } throws: { error in
            let text = (error as? RuntimeError)?.message ?? ""
            return text.contains("not-a-tar.tar") && !text.contains("/root/tmp")
        }
        #expect(try store.list().isEmpty)
        #expect(try ImageFiles.listDirectory(store.tempDir).isEmpty)
    }
}
