import Foundation
import Testing
@testable import ContainerRuntime
#if canImport(Glibc)
import Glibc
#endif

/// Builders for `docker load` archives, honest or crafted, written by the tests themselves.
enum HostileArchives {
    static func json(_ object: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    /// A regular-file member with raw bytes.
    static func blob(_ path: String, _ data: Data) -> (TarEntry, Data?) {
        var e = TarEntry(path: path, kind: .regular)
        e.mode = 0o644; e.mtime = 1_700_000_000
        return (e, data)
    }

    /// The bytes and diffID of a layer tar of `members`.
    static func layer(_ dir: ImageTempDir, _ members: [(TarEntry, Data?)]) throws -> (data: Data, diffID: String) {
        let path = dir.path + "/layer-\(UUID().uuidString).tar"
        let diffID = try ImageFixtures.writeTar(path, members)
        return (try FileIO.read(path), diffID)
    }

    static func config(diffIDs: [String], cmd: [String] = ["sh"]) throws -> Data {
        try json(["architecture": "amd64", "os": "linux", "config": ["Cmd": cmd],
                  "rootfs": ["type": "layers", "diff_ids": diffIDs]])
    }

    /// One image of a docker-archive: config `<id>.json`, layers `<n>/layer.tar`.
    struct DockerImage {
        var config: Data
        var layers: [Data]
        var tags: [String]
        var configName: String? = nil
    }

    /// A docker-archive (`docker save`) of `images`.
    static func dockerArchive(_ images: [DockerImage]) throws -> [(TarEntry, Data?)] {
        var members: [(TarEntry, Data?)] = []
        var manifest: [[String: Any]] = []
        for (i, image) in images.enumerated() {
            let configName = image.configName ?? ImageStore.hex(SHA256Digest.digest(image.config)) + ".json"
            members.append(blob(configName, image.config))
            var layerPaths: [String] = []
            for (j, data) in image.layers.enumerated() {
                let path = "l\(i)-\(j)/layer.tar"
                members.append(ImageFixtures.dir("l\(i)-\(j)"))
                members.append(blob(path, data))
                layerPaths.append(path)
            }
            manifest.append(["Config": configName, "RepoTags": image.tags, "Layers": layerPaths])
        }
        members.append(blob("manifest.json", try json(manifest)))
        return members
    }

    /// An OCI layout: `index.json` listing `manifests` (descriptors), and `blobs` stored by their digests.
    static func ociArchive(index: [[String: Any]], blobs: [Data], extraBlobs: [(String, Data)] = []) throws -> [(TarEntry, Data?)] {
        var members: [(TarEntry, Data?)] = [
            blob("oci-layout", Data(#"{"imageLayoutVersion":"1.0.0"}"#.utf8)),
            blob("index.json", try json(["schemaVersion": 2, "manifests": index])),
            ImageFixtures.dir("blobs"), ImageFixtures.dir("blobs/sha256"),
        ]
        for data in blobs { members.append(blob("blobs/sha256/" + ImageStore.hex(SHA256Digest.digest(data)), data)) }
        for (digest, data) in extraBlobs { members.append(blob("blobs/sha256/" + ImageStore.hex(digest), data)) }
        return members
    }

    /// A manifest descriptor of `data`.
    static func descriptor(_ data: Data, mediaType: String, name: String? = nil) -> [String: Any] {
        var d: [String: Any] = ["mediaType": mediaType, "digest": SHA256Digest.digest(data), "size": data.count]
        if let name { d["annotations"] = ["io.containerd.image.name": name] }
        return d
    }

    static let manifestType = "application/vnd.oci.image.manifest.v1+json"
    static let indexType = "application/vnd.oci.image.index.v1+json"

    /// An OCI image manifest for `config` over plain-tar layer blobs.
    static func manifest(config: Data, layers: [Data]) throws -> Data {
        try json(["schemaVersion": 2, "mediaType": manifestType,
                  "config": ["mediaType": "application/vnd.oci.image.config.v1+json", "digest": SHA256Digest.digest(config), "size": config.count],
                  "layers": layers.map { ["mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": SHA256Digest.digest($0), "size": $0.count] }])
    }

    /// A valid docker-archive, a valid OCI layout and a rootfs tar: the fuzzer's seed corpus.
    static func seeds(_ dir: ImageTempDir) throws -> [(name: String, members: [(TarEntry, Data?)])] {
        let (layerData, diffID) = try layer(dir, ImageFixtures.baseRootfs)
        let config = try config(diffIDs: [diffID])
        let docker = try dockerArchive([DockerImage(config: config, layers: [layerData], tags: ["seed:1"])])
        let manifestData = try manifest(config: config, layers: [layerData])
        let oci = try ociArchive(index: [descriptor(manifestData, mediaType: manifestType, name: "seed:oci")],
                                 blobs: [config, manifestData, layerData])
        return [("docker-save.tar", docker), ("oci-layout.tar", oci), ("rootfs.tar", ImageFixtures.baseRootfs)]
    }
}
