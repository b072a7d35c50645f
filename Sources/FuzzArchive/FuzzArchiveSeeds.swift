import ContainerRuntime
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The seed corpus: a rootfs tar for `import`, a `docker save` archive of it and an OCI layout
/// of it, all valid, so that the fuzzer starts from inputs that reach deep into the reader.
enum FuzzArchiveSeeds {
    static func rootfs() -> Data {
        var tar = SeedTar()
        tar.directory("bin/")
        tar.directory("etc/")
        tar.file("etc/passwd", Data("root:x:0:0:root:/root:/bin/sh\n".utf8))
        tar.file("etc/group", Data("root:x:0:\n".utf8))
        tar.symlink("bin/sh", to: "/bin/busybox")
        tar.file("etc/.wh.motd", Data())
        tar.directory("data/")
        tar.file("data/.wh..wh..opq", Data())
        tar.file("data/a", Data("a\n".utf8))
        return tar.finished()
    }

    static func json(_ object: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    static func oci(layer: Data) throws -> Data {
        let diffID = SHA256Digest.digest(layer)
        let config = try json(["architecture": "amd64", "os": "linux", "config": ["Cmd": ["sh"]],
                               "rootfs": ["type": "layers", "diff_ids": [diffID]]])
        let manifest = try json(["schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                                 "config": ["mediaType": "application/vnd.oci.image.config.v1+json",
                                            "digest": SHA256Digest.digest(config), "size": config.count],
                                 "layers": [["mediaType": "application/vnd.oci.image.layer.v1.tar",
                                             "digest": diffID, "size": layer.count]]])
        let index = try json(["schemaVersion": 2, "manifests": [[
            "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": SHA256Digest.digest(manifest),
            "size": manifest.count, "annotations": ["io.containerd.image.name": "seed:oci"],
            "platform": ["architecture": "amd64", "os": "linux"]]]])
        var tar = SeedTar()
        tar.file("oci-layout", Data(#"{"imageLayoutVersion":"1.0.0"}"#.utf8))
        tar.file("index.json", index)
        tar.directory("blobs/")
        tar.directory("blobs/sha256/")
        for blob in [config, manifest, layer] {
            tar.file("blobs/sha256/" + SHA256Digest.digest(blob).dropFirst(7), blob)
        }
        return tar.finished()
    }

    /// `docker save` of the rootfs imported into a throwaway store under `work`.
    static func dockerSave(layer: Data, work: String) throws -> Data {
        let rootfsPath = work + "/seed-rootfs.tar"
        let savePath = work + "/seed-save.tar"
        guard FileManager.default.createFile(atPath: rootfsPath, contents: layer) else { throw CocoaError(.fileWriteUnknown) }
        let store = ImageStore(root: work + "/seed-store")
        defer { try? FileManager.default.removeItem(atPath: work + "/seed-store") }
        _ = try store.importTarball(path: rootfsPath, reference: "seed:1")
        let fd = open(savePath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        try store.save(references: ["seed:1"], to: fd)
        return try Data(contentsOf: URL(fileURLWithPath: savePath))
    }

    /// Writes the three seeds into `directory` (created when missing).
    static func write(to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var template = Array("/tmp/isolab-fuzz-seeds-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        let work = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let layer = rootfs()
        let seeds = [("rootfs.tar", layer), ("oci-layout.tar", try oci(layer: layer)),
                     ("docker-save.tar", try dockerSave(layer: layer, work: work))]
        for (name, data) in seeds {
            guard FileManager.default.createFile(atPath: directory + "/" + name, contents: data) else { throw CocoaError(.fileWriteUnknown) }
        }
        print("wrote \(seeds.count) seeds to \(directory)")
    }
}
