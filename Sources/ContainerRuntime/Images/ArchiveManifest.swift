import Foundation

/// One image of an unpacked `docker save` or OCI image-layout archive: paths relative to its root.
struct ArchiveManifest {
    var config: String
    var layers: [String]
    var tags: [String]

    /// Reads `manifest.json` (docker-archive, also written by newer Docker beside the OCI layout)
    /// or else `index.json` (OCI image layout).
    static func read(_ root: String) throws -> [ArchiveManifest] {
        if ImageFiles.exists(root + "/manifest.json") {
            guard let list = try json(root + "/manifest.json") as? [[String: Any]] else {
                throw RuntimeError(.invalidArgument, "load: manifest.json is not a list of images")
            }
            return try list.map { item in
                guard let config = item["Config"] as? String, let layers = item["Layers"] as? [String] else {
                    throw RuntimeError(.invalidArgument, "load: manifest.json entry without Config or Layers")
                }
                return ArchiveManifest(config: config, layers: layers, tags: item["RepoTags"] as? [String] ?? [])
            }
        }
        if ImageFiles.exists(root + "/index.json") {
            guard let index = try json(root + "/index.json") as? [String: Any] else {
                throw RuntimeError(.invalidArgument, "load: index.json is not an OCI image index")
            }
            return try fromIndex(index, root: root, inheritedName: nil)
        }
        throw RuntimeError(.invalidArgument, "load: the archive has neither manifest.json (docker save) nor index.json (OCI image layout)")
    }

    private static func fromIndex(_ index: [String: Any], root: String, inheritedName: String?) throws -> [ArchiveManifest] {
        var result: [ArchiveManifest] = []
        for descriptor in index["manifests"] as? [[String: Any]] ?? [] {
            let annotations = descriptor["annotations"] as? [String: String] ?? [:]
            let name = imageName(annotations) ?? inheritedName
            if let platform = descriptor["platform"] as? [String: Any],
               let arch = platform["architecture"] as? String, arch != "amd64" { continue }
            guard let digest = descriptor["digest"] as? String else {
                throw RuntimeError(.invalidArgument, "load: index.json descriptor without digest")
            }
            let blob = try json(root + "/" + blobPath(digest))
            let mediaType = descriptor["mediaType"] as? String ?? (blob as? [String: Any])?["mediaType"] as? String ?? ""
            guard let object = blob as? [String: Any] else { continue }
            if mediaType.contains("index") || mediaType.contains("manifest.list") || object["manifests"] != nil {
                result += try fromIndex(object, root: root, inheritedName: name)
                continue
            }
            guard let config = (object["config"] as? [String: Any])?["digest"] as? String,
                  let layers = object["layers"] as? [[String: Any]] else {
                throw RuntimeError(.invalidArgument, "load: manifest \(digest) has no config or layers")
            }
            let layerPaths = try layers.map { layer -> String in
                guard let d = layer["digest"] as? String else { throw RuntimeError(.invalidArgument, "load: layer without digest in \(digest)") }
                return try blobPath(d)
            }
            result.append(ArchiveManifest(config: try blobPath(config), layers: layerPaths, tags: name.map { [$0] } ?? []))
        }
        return result
    }

    /// The full name of an image in OCI annotations: containerd's image name, or a ref.name that is
    /// a whole reference. A ref.name that is only a tag ("latest") names no repository.
    static func imageName(_ annotations: [String: String]) -> String? {
        if let name = annotations["io.containerd.image.name"] { return ImageReference.normalize(name) }
        if let ref = annotations["org.opencontainers.image.ref.name"], ref.contains(":") || ref.contains("/") {
            return ImageReference.normalize(ref)
        }
        return nil
    }

    /// `root/rel` with symlinks resolved (old `docker save` links shared layers), refused when it
    /// leads out of the unpacked archive.
    static func inside(_ root: String, _ rel: String) throws -> String {
        let resolved = ImageFiles.canonicalPath(root + "/" + rel)
        guard resolved.hasPrefix(root + "/") else {
            throw RuntimeError(.invalidArgument, "load: \(rel) points outside the archive")
        }
        return resolved
    }

    static func blobPath(_ digest: String) throws -> String {
        let parts = digest.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, parts[0].allSatisfy({ $0.isLetter || $0.isNumber }),
              parts[1].allSatisfy({ $0.isHexDigit }) else {
            throw RuntimeError(.invalidArgument, "load: invalid digest \(digest)")
        }
        return "blobs/\(parts[0])/\(parts[1])"
    }

    private static func json(_ path: String) throws -> Any {
        let data = try FileIO.read(path)
        do { return try JSONSerialization.jsonObject(with: data) } catch {
            throw RuntimeError(.invalidArgument, "load: \(path): invalid JSON: \(error)")
        }
    }
}
