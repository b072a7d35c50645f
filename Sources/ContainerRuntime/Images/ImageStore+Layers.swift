import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension ImageStore {
    /// Makes the plain tar at `tarPath` (in the store's tmp, digest `diffID`) a layer of the store:
    /// unpacked into a temp dir beside it, flushed, then renamed to `layers/<hex>` in one step.
    /// A layer already present is reused as it is (call under the lock). `label` names the tar in errors.
    func registerLayer(tarPath: String, diffID: String, label: String) throws -> LayerRecord {
        let final = layerPath(diffID)
        if ImageFiles.exists(final) { return try layerRecord(diffID) }
        let staging = try makeTempDirectory("layer")
        do {
            let diff = staging + "/diff"
            guard mkdir(diff, 0o755) == 0 else { throw RuntimeError.errno("mkdir", diff) }
            let size = try TarExtractor(mode: .layer).extract(tarPath, into: diff, label: label)
            guard rename(tarPath, staging + "/layer.tar") == 0 else {
                throw RuntimeError.errno("rename", "\(tarPath) to \(staging)/layer.tar")
            }
            let record = LayerRecord(diffID: diffID, size: size)
            try AtomicFile.write(try JSONEncoder().encode(record), to: staging + "/layer.json")
            try ImageFiles.syncFileSystem(of: staging)
            guard rename(staging, final) == 0 else { throw RuntimeError.errno("rename", "\(staging) to \(final)") }
            try AtomicFile.syncDirectory(layersDir)
            return record
        } catch {
            // A layer that does not unpack leaves nothing behind (its half-made tree included).
            try? ImageFiles.removeTree(staging)
            throw error
        }
    }

    func layerRecord(_ diffID: String) throws -> LayerRecord {
        let path = layerPath(diffID) + "/layer.json"
        do { return try JSONDecoder().decode(LayerRecord.self, from: try FileIO.read(path)) } catch let e as RuntimeError {
            throw e
        } catch {
            throw RuntimeError(.failed, "read \(path): \(error)")
        }
    }

    /// Writes a tar into a new file under tmp with `produce` and registers it as a layer.
    func makeLayer(_ purpose: String, _ produce: (TarWriter) throws -> Void) throws -> LayerRecord {
        let dir = try makeTempDirectory(purpose)
        let tarPath = dir + "/layer.tar"
        let fd = open(tarPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw RuntimeError.errno("open", tarPath) }
        let digest: String
        do {
            let writer = try TarWriter(fd: fd, label: tarPath)
            try produce(writer)
            digest = try writer.finish().digest
            guard fsync(fd) == 0 else { throw RuntimeError.errno("fsync", tarPath) }
        } catch {
            close(fd)
            throw error
        }
        close(fd)
        let record = try registerLayer(tarPath: tarPath, diffID: digest, label: "isolab \(purpose) layer")
        try ImageFiles.removeTree(dir)
        return record
    }

    /// Decompresses `source` into tmp and registers it as a layer; `expected` is checked when given.
    func ingestLayer(_ source: TarIngest.Source, expected: String? = nil) throws -> LayerRecord {
        let dir = try makeTempDirectory("ingest")
        defer { try? ImageFiles.removeTree(dir) }
        let tarPath = dir + "/layer.tar"
        let (digest, _) = try TarIngest.decompress(source, to: tarPath)
        if let expected, expected != digest {
            throw RuntimeError(.invalidArgument, "\(source.label): layer digest mismatch: the config says \(expected), the data is \(digest)")
        }
        return try registerLayer(tarPath: tarPath, diffID: digest, label: source.label)
    }

    /// Stores image config `configData` over `layers` (already registered) and returns its record;
    /// an identical image already stored is returned as it is (call under the lock).
    func storeImage(configData: Data, document: ImageConfigDocument, parent: String?) throws -> ImageRecord {
        let id = SHA256Digest.digest(configData)
        let tags = try readTags()
        if let existing = try loadRecord(id: id, tags: tags) { return existing }
        var size: Int64 = 0
        for layer in document.diffIDs { size += try layerRecord(layer).size }
        let record = ImageRecord(id: id, repoTags: [], created: document.created, layers: document.diffIDs,
                                 config: document.config, size: size, parent: parent)
        let staging = try makeTempDirectory("image")
        try AtomicFile.write(configData, to: staging + "/config.json")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try AtomicFile.write(try encoder.encode(record), to: staging + "/image.json")
        let final = imagePath(id)
        guard rename(staging, final) == 0 else { throw RuntimeError.errno("rename", "\(staging) to \(final)") }
        try AtomicFile.syncDirectory(imagesDir)
        return record
    }

    /// Points `reference` at image `id`, moving it from any other image (call under the lock).
    func setTag(_ reference: String, to id: String) throws {
        let normalized = ImageReference.normalize(reference)
        guard ImageReference.isValid(normalized) else {
            throw ImageReference.invalidFormat(reference)
        }
        var tags = try readTags()
        tags[normalized] = id
        try writeTags(tags)
    }
}
