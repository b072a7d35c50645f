import CRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// One image of an unpacked `docker save` or OCI image-layout archive: paths relative to its root.
///
/// The archive is input: every file is opened beneath the unpacked tree (`ImageFD`, so a symlink
/// in it stays inside), only regular files are read, JSON documents are read up to `jsonLimit`,
/// every digest is `sha256:` and 64 hex digits and is checked against the bytes it names, and
/// nested OCI indexes are followed without recursion, at most `maxIndexDepth` deep.
struct ArchiveManifest {
    /// A file of the archive and, when the archive names one, the digest its bytes must have.
    struct Blob: Equatable {
        var path: String
        var digest: String?
    }

    var config: Blob
    var layers: [Blob]
    var tags: [String]

    /// manifest.json, index.json, image manifests and configs are small; a larger one is refused.
    static let jsonLimit = 4 << 20
    /// OCI indexes may nest (a multi-platform index inside the layout's index); deeper is refused.
    static let maxIndexDepth = 8
    /// Images one archive may describe.
    static let maxImages = 1024
    /// Descriptors read from all indexes of one archive.
    static let maxDescriptors = 4096

    /// Reads `manifest.json` (docker-archive, also written by newer Docker beside the OCI layout)
    /// or else `index.json` (OCI image layout). `label` names the archive in errors.
    static func read(_ root: ImageFD, label: String) throws -> [ArchiveManifest] {
        if try root.openIfExists("manifest.json", ISOLAB_O_PATH) != nil {
            guard let list = try json(root, "manifest.json", label: label) as? [[String: Any]] else {
                throw RuntimeError(.invalidArgument, "load \(label): manifest.json is not a list of images")
            }
            guard list.count <= maxImages else { throw RuntimeError(.invalidArgument, "load \(label): more than \(maxImages) images") }
            return try list.map { item in
                guard let config = item["Config"] as? String, let layers = item["Layers"] as? [String] else {
                    throw RuntimeError(.invalidArgument, "load \(label): manifest.json entry without Config or Layers")
                }
                let tags = item["RepoTags"] as? [String] ?? []
                return ArchiveManifest(config: Blob(path: config, digest: impliedDigest(config)),
                                       layers: layers.map { Blob(path: $0, digest: impliedDigest($0)) }, tags: tags)
            }
        }
        if try root.openIfExists("index.json", ISOLAB_O_PATH) != nil {
            guard let index = try json(root, "index.json", label: label) as? [String: Any] else {
                throw RuntimeError(.invalidArgument, "load \(label): index.json is not an OCI image index")
            }
            return try fromIndex(index, root: root, label: label)
        }
        throw RuntimeError(.invalidArgument, "load \(label): the archive has neither manifest.json (docker save) nor index.json (OCI image layout)")
    }

    /// The digest a docker-archive file name states: `blobs/sha256/<hex>` or `<hex>.json` (the
    /// config, named by the image id). Older archives name layers by v1 ids, which are not digests.
    static func impliedDigest(_ path: String) -> String? {
        let parts = path.split(separator: "/").filter { $0 != "." }
        if parts.count == 3, parts[0] == "blobs", parts[1] == "sha256", SHA256Digest.isDigest("sha256:" + parts[2]) {
            return "sha256:" + parts[2]
        }
        if parts.count == 1, parts[0].hasSuffix(".json"), SHA256Digest.isDigest("sha256:" + parts[0].dropLast(5)) {
            return "sha256:" + parts[0].dropLast(5)
        }
        return nil
    }

    /// Walks the index and the indexes it names, breadth first, without recursion: at most
    /// `maxIndexDepth` deep and `maxDescriptors` descriptors in all (digests are checked, so a
    /// cycle cannot be built, but a wide index listed many times over could still multiply).
    private static func fromIndex(_ top: [String: Any], root: ImageFD, label: String) throws -> [ArchiveManifest] {
        var result: [ArchiveManifest] = []
        var queue: [(index: [String: Any], name: String?, depth: Int, source: String)] = [(top, nil, 0, "index.json")]
        var seen = 0
        var next = 0
        while next < queue.count {
            let (index, inheritedName, depth, source) = queue[next]
            next += 1
            guard let descriptors = index["manifests"] as? [[String: Any]] else {
                throw RuntimeError(.invalidArgument, "load \(label): \(source) has no manifests list")
            }
            for descriptor in descriptors {
                seen += 1
                guard seen <= maxDescriptors else {
                    throw RuntimeError(.invalidArgument, "load \(label): more than \(maxDescriptors) manifest descriptors")
                }
                let annotations = descriptor["annotations"] as? [String: String] ?? [:]
                let name = imageName(annotations) ?? inheritedName
                if let platform = descriptor["platform"] as? [String: Any],
                   let arch = platform["architecture"] as? String, arch != "amd64" { continue }
                let digest = try descriptorDigest(descriptor, in: source, label: label)
                let blobPath = try path(of: digest)
                let data = try verifiedJSONData(root, blobPath, digest: digest, label: label)
                guard let object = try parse(data, blobPath, label: label) as? [String: Any] else {
                    throw RuntimeError(.invalidArgument, "load \(label): \(blobPath) is not a JSON object")
                }
                let mediaType = descriptor["mediaType"] as? String ?? object["mediaType"] as? String ?? ""
                if mediaType.contains("index") || mediaType.contains("manifest.list") || object["manifests"] != nil {
                    guard depth + 1 < maxIndexDepth else {
                        throw RuntimeError(.invalidArgument, "load \(label): image indexes nested more than \(maxIndexDepth) deep")
                    }
                    queue.append((object, name, depth + 1, blobPath))
                    continue
                }
                guard let config = object["config"] as? [String: Any], let layers = object["layers"] as? [[String: Any]] else {
                    throw RuntimeError(.invalidArgument, "load \(label): manifest \(digest) has no config or layers")
                }
                let configDigest = try descriptorDigest(config, in: blobPath, label: label)
                let layerBlobs = try layers.map { layer -> Blob in
                    let d = try descriptorDigest(layer, in: blobPath, label: label)
                    return Blob(path: try path(of: d), digest: d)
                }
                result.append(ArchiveManifest(config: Blob(path: try path(of: configDigest), digest: configDigest),
                                              layers: layerBlobs, tags: name.map { [$0] } ?? []))
                guard result.count <= maxImages else { throw RuntimeError(.invalidArgument, "load \(label): more than \(maxImages) images") }
            }
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

    private static func descriptorDigest(_ descriptor: [String: Any], in source: String, label: String) throws -> String {
        guard let digest = descriptor["digest"] as? String else {
            throw RuntimeError(.invalidArgument, "load \(label): descriptor without digest in \(source)")
        }
        guard SHA256Digest.isDigest(digest) else {
            throw RuntimeError(.invalidArgument, "load \(label): invalid digest \(digest.debugDescription) in \(source): want sha256: and 64 lowercase hex digits")
        }
        return digest
    }

    /// `blobs/sha256/<hex>` of a checked digest.
    static func path(of digest: String) throws -> String {
        guard SHA256Digest.isDigest(digest) else { throw RuntimeError(.invalidArgument, "load: invalid digest \(digest.debugDescription)") }
        return "blobs/sha256/" + digest.dropFirst(7)
    }

    /// The bytes of the small file `rel`, checked against `digest` when there is one.
    static func verifiedJSONData(_ root: ImageFD, _ rel: String, digest: String?, label: String) throws -> Data {
        let data: Data
        do { data = try root.openRegularFile(rel).readAll(limit: jsonLimit) } catch let e as RuntimeError {
            throw RuntimeError(.invalidArgument, "load \(label): \(rel): \(e.message)")
        }
        if let digest {
            let actual = SHA256Digest.digest(data)
            guard actual == digest else {
                throw RuntimeError(.invalidArgument, "load \(label): \(rel): digest mismatch: expected \(digest), the data is \(actual)")
            }
        }
        return data
    }

    private static func json(_ root: ImageFD, _ rel: String, label: String) throws -> Any {
        try parse(try verifiedJSONData(root, rel, digest: nil, label: label), rel, label: label)
    }

    private static func parse(_ data: Data, _ rel: String, label: String) throws -> Any {
        do { return try UntypedJSON.parse(data) } catch {
            throw RuntimeError(.invalidArgument, "load \(label): \(rel): invalid JSON: \(error)")
        }
    }
}
