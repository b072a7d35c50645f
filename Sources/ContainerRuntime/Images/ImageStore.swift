import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Images and layers under `<root>/images` and `<root>/layers`, shared by every namespace of a root.
///
/// Layout (every name appears by one `rename`, so a SIGKILL at any point leaves either the old
/// state or the new one; half-done work stays under `<root>/tmp` and is removed by the next change):
/// - `layers/<hex>/diff`: the layer unpacked once (overlayfs whiteouts), shared read-only as a lower dir;
///   `layers/<hex>/layer.tar` its tar, whose SHA-256 is `<hex>` (the diffID); `layers/<hex>/layer.json`.
/// - `images/<hex>/config.json`: the image config, whose SHA-256 is the image id; `images/<hex>/image.json`.
/// - `images/repositories.json`: tags (`busybox:latest`) to image ids.
/// - `lock`: every change is made holding an exclusive `flock` on it.
public struct ImageStore: Sendable {
    public let root: String
    /// `root` without symlinks in its path (libarchive refuses to extract through symlinks).
    let base: String

    public init(root: String) {
        self.root = root
        self.base = ImageFiles.canonicalPath(root)
    }

    /// The images isolab builds itself rather than pulling.
    public static let builtinNames = ["busybox", "debian"]

    /// Resolves "busybox", "busybox:latest", an id or an id prefix. Built-in names are built on first use.
    public func resolve(_ reference: String) throws -> ImageRecord {
        if let found = try find(reference) { return found }
        let normalized = ImageReference.normalize(reference)
        if let builtin = ImageStore.builtinName(normalized) {
            try ensureBuiltin(builtin)
            if let found = try find(reference) { return found }
        }
        throw RuntimeError.refused(.notFound(.image), "no image \(normalized)", operation: "find image", reference: normalized)
    }

    /// The image `reference` names, or nil; never builds anything.
    public func find(_ reference: String) throws -> ImageRecord? {
        let tags = try readTags()
        if let id = tags[ImageReference.normalize(reference)], let record = try loadRecord(id: id, tags: tags) {
            return record
        }
        guard let prefix = ImageReference.idPrefix(reference) else { return nil }
        let matches = try imageHexes().filter { $0.hasPrefix(prefix) }
        guard matches.count <= 1 else {
            throw RuntimeError(.invalidArgument, "\(reference): ambiguous image id prefix (\(matches.count) images)")
        }
        return try matches.first.flatMap { try loadRecord(id: "sha256:" + $0, tags: tags) }
    }

    /// Unpacked layer directories of `image` for overlayfs `lowerdir`, top layer first.
    public func lowerDirs(of image: ImageRecord) throws -> [String] {
        try image.layers.reversed().map { digest in
            let dir = layerDiffPath(digest)
            guard let st = try ImageFiles.lstatIfExists(dir), ImageFiles.isDirectory(st) else {
                throw RuntimeError(.notFound(.file), "image \(image.id.prefix(19)): layer \(digest) is missing (\(dir))")
            }
            return dir
        }
    }

    /// Every image, newest first, with its tags.
    public func list() throws -> [ImageRecord] {
        let tags = try readTags()
        return try imageHexes().compactMap { try loadRecord(id: "sha256:" + $0, tags: tags) }
            .sorted { $0.created != $1.created ? $0.created > $1.created : $0.id < $1.id }
    }

    // MARK: - Paths

    var imagesDir: String { base + "/images" }
    var layersDir: String { base + "/layers" }
    var tempDir: String { base + "/tmp" }
    var tagsPath: String { imagesDir + "/repositories.json" }

    static func hex(_ digest: String) -> String {
        digest.hasPrefix("sha256:") ? String(digest.dropFirst(7)) : digest
    }
    func layerPath(_ digest: String) -> String { layersDir + "/" + ImageStore.hex(digest) }
    func layerDiffPath(_ digest: String) -> String { layerPath(digest) + "/diff" }
    func imagePath(_ id: String) -> String { imagesDir + "/" + ImageStore.hex(id) }

    static func builtinName(_ normalized: String) -> String? {
        builtinNames.first { normalized == $0 + ":latest" }
    }

    // MARK: - Locking and temp space

    /// Runs a change to the store under the root's lock, after removing what a killed process left in tmp.
    func locked<T>(_ body: () throws -> T) throws -> T {
        for dir in [base, imagesDir, layersDir, tempDir] { try ImageFiles.makeDirectories(dir, mode: 0o700) }
        return try FileLock(path: base + "/lock").withLock {
            // Only lock holders create entries in tmp: whatever is there now belongs to a dead process.
            for name in try ImageFiles.listDirectory(tempDir) { try ImageFiles.removeTree(tempDir + "/" + name) }
            for name in try ImageFiles.listDirectory(imagesDir) where name.hasPrefix(".tmp-") {
                try ImageFiles.removeTree(imagesDir + "/" + name)      // a tags file that was never renamed
            }
            try removeOrphanLayers()
            return try body()
        }
    }

    /// Removes layers that no image names: what a process killed between renaming a layer into
    /// place and storing its image left behind (call under the lock, before any work of its own).
    func removeOrphanLayers() throws {
        guard ImageFiles.exists(layersDir) else { return }
        let present = try ImageFiles.listDirectory(layersDir)
        guard !present.isEmpty else { return }
        var used = Set<String>()
        for hex in try imageHexes() {
            if let record = try loadRecord(id: "sha256:" + hex, tags: [:]) { used.formUnion(record.layers.map(ImageStore.hex)) }
        }
        for name in present where !used.contains(name) {
            let trash = tempDir + "/orphan-" + name
            guard rename(layersDir + "/" + name, trash) == 0 else { throw RuntimeError.errno("rename", "\(layersDir)/\(name) to \(trash)") }
            try ImageFiles.removeTree(trash)
        }
    }

    /// A fresh directory under `<root>/tmp` (call under the lock).
    func makeTempDirectory(_ purpose: String) throws -> String {
        let path = tempDir + "/" + purpose + "-" + ImageFiles.randomSuffix()
        guard mkdir(path, 0o700) == 0 else { throw RuntimeError.errno("mkdir", path) }
        return path
    }

    // MARK: - Records

    /// Ids (hex) of stored images: directories named by 64 hex characters.
    func imageHexes() throws -> [String] {
        guard ImageFiles.exists(imagesDir) else { return [] }
        return try ImageFiles.listDirectory(imagesDir).filter { $0.count == 64 && $0.allSatisfy(\.isHexDigit) }
    }

    /// Tag to image id; empty when nothing was ever tagged.
    func readTags() throws -> [String: String] {
        guard ImageFiles.exists(tagsPath) else { return [:] }
        let data = try FileIO.read(tagsPath)
        do { return try JSONDecoder().decode([String: String].self, from: data) } catch {
            throw RuntimeError(.failed, "read \(tagsPath): \(error)")
        }
    }

    func writeTags(_ tags: [String: String]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try AtomicFile.write(try encoder.encode(tags), to: tagsPath)
    }

    /// The record of image `id` with its tags from `tags`, or nil when there is no such image.
    func loadRecord(id: String, tags: [String: String]) throws -> ImageRecord? {
        let path = imagePath(id) + "/image.json"
        guard ImageFiles.exists(path) else { return nil }
        var record: ImageRecord
        do { record = try JSONDecoder().decode(ImageRecord.self, from: try FileIO.read(path)) } catch let e as RuntimeError {
            throw e
        } catch {
            throw RuntimeError(.failed, "read \(path): \(error)")
        }
        // Written by isolab, but the layer ids become paths: never trust one that is not a digest.
        guard SHA256Digest.isDigest(record.id), record.layers.allSatisfy(SHA256Digest.isDigest) else {
            throw RuntimeError(.failed, "read \(path): invalid image or layer id")
        }
        record.repoTags = tags.filter { $0.value == record.id }.map(\.key).sorted()
        return record
    }

    /// The stored config JSON of an image.
    func configData(of image: ImageRecord) throws -> Data {
        try FileIO.read(imagePath(image.id) + "/config.json")
    }
}
