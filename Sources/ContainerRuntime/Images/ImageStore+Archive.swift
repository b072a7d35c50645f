import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension ImageStore {
    /// `docker export`: writes the merged rootfs of a container (its upper dir over the image's
    /// lower dirs, top first) as one flat tar to `fd`, reading the layers directly (no mount).
    public func exportRootfs(lowerDirs: [String], upperDir: String, to fd: Int32) throws {
        let writer = try TarWriter(fd: fd, label: "fd \(fd)")
        try UnionWalker(layers: [upperDir] + lowerDirs, topIsUpper: true).write(into: writer)
        try writer.finish()
    }

    /// `docker import`: the rootfs tarball at `path` (plain or compressed) becomes a one-layer image.
    public func importTarball(path: String, reference: String?, comment: String? = nil) throws -> ImageRecord {
        try importTarball(.path(path), reference: reference, comment: comment)
    }

    /// `docker import -`: the rootfs tarball read from `fd` becomes a one-layer image.
    /// `label` names the stream in errors.
    public func importTarball(fd: Int32, label: String = "stdin", reference: String?, comment: String? = nil) throws -> ImageRecord {
        try importTarball(.fd(fd, label: label), reference: reference, comment: comment)
    }

    private func importTarball(_ source: TarIngest.Source, reference: String?, comment: String?) throws -> ImageRecord {
        if let reference, !ImageReference.isValid(reference) {
            throw ImageReference.invalidFormat(reference)
        }
        return try locked {
            let layer = try ingestLayer(source)
            let created = Date()
            var step: [String: Any] = ["created": ImageDates.format(created), "created_by": "isolab import"]
            if let comment { step["comment"] = comment }
            // Like Docker, an imported rootfs has no command and no environment of its own.
            let document = ImageConfigDocument(config: ImageConfig(env: [], cmd: []), created: created,
                                               diffIDs: [layer.diffID], history: [step], comment: comment ?? "Imported from -", parent: nil)
            var record = try storeImage(configData: try document.encoded(), document: document, parent: nil)
            if let reference {
                try setTag(reference, to: record.id)
                record.repoTags = try loadRecord(id: record.id, tags: try readTags())?.repoTags ?? []
            }
            return record
        }
    }

    /// `docker save`: a docker-archive (manifest.json, `<id>.json` configs, `<layer>/layer.tar`,
    /// repositories) of the images `references` name, written to `fd`.
    public func save(references: [String], to fd: Int32) throws {
        var order: [String] = []
        var images: [String: (record: ImageRecord, tags: [String])] = [:]
        for reference in references {
            guard let image = try find(reference) else {
                throw RuntimeError.notFound(.image, ImageReference.normalize(reference), "no image \(ImageReference.normalize(reference))")
            }
            let normalized = ImageReference.normalize(reference)
            let tag = image.repoTags.contains(normalized) ? [normalized] : []
            if images[image.id] == nil { order.append(image.id); images[image.id] = (image, []) }
            let known = images[image.id]?.tags ?? []
            images[image.id]?.tags.append(contentsOf: tag.filter { !known.contains($0) })
        }
        let writer = try TarWriter(fd: fd, label: "fd \(fd)")
        var manifest: [[String: Any]] = []
        var repositories: [String: [String: String]] = [:]
        var written = Set<String>()
        let mtime = Int(Date().timeIntervalSince1970)
        for id in order {
            guard let (record, tags) = images[id] else { continue }
            let hex = ImageStore.hex(id)
            var e = TarEntry(path: hex + ".json", kind: .regular)
            e.mtime = mtime
            try writer.add(e, data: try configData(of: record))
            var layerPaths: [String] = []
            for layer in record.layers {
                let layerHex = ImageStore.hex(layer)
                layerPaths.append(layerHex + "/layer.tar")
                guard written.insert(layerHex).inserted else { continue }
                var dir = TarEntry(path: layerHex, kind: .directory)
                dir.mode = 0o755; dir.mtime = mtime
                try writer.add(dir)
                let source = layerPath(layer) + "/layer.tar"
                guard let st = try ImageFiles.lstatIfExists(source) else {
                    throw RuntimeError.errno("save: open layer", source, ENOENT)
                }
                var file = TarEntry(path: layerHex + "/layer.tar", kind: .regular)
                file.size = Int64(st.st_size); file.mtime = mtime
                try writer.add(file, contentsOf: source)
            }
            manifest.append(["Config": hex + ".json", "RepoTags": tags, "Layers": layerPaths])
            for tag in tags {
                let (repo, t) = ImageReference.split(tag)
                repositories[repo, default: [:]][t] = hex
            }
        }
        for (name, object) in [("manifest.json", manifest as Any), ("repositories", repositories as Any)] {
            var e = TarEntry(path: name, kind: .regular)
            e.mtime = mtime
            let data: Data
            do { data = try UntypedJSON.encode(object) } catch {
                throw RuntimeError(.failed, "save: encode \(name): \(error)")
            }
            try writer.add(e, data: data)
        }
        try writer.finish()
    }

    /// `docker load -i FILE`: see `load(fd:)`.
    public func load(path: String) throws -> [String] { try load(.path(path)) }

    /// `docker load`: reads a docker-archive (`docker save`) or an OCI image layout archive
    /// (index.json, blobs/sha256, gzip or plain layers) and returns Docker's
    /// `Loaded image: name:tag` / `Loaded image ID: sha256:...` lines.
    ///
    /// All or nothing: tags are checked before anything is stored and written last, in one step;
    /// when anything fails, the images and layers this load added are removed again.
    public func load(fd: Int32, label: String = "stdin") throws -> [String] { try load(.fd(fd, label: label)) }

    private func load(_ source: TarIngest.Source) throws -> [String] {
        let label = source.label
        return try locked {
            let staging = try makeTempDirectory("load")
            defer { try? ImageFiles.removeTree(staging) }
            let tree = staging + "/archive"
            guard mkdir(tree, 0o700) == 0 else { throw RuntimeError.errno("mkdir", tree) }
            let root = try ImageFD.directory(tree).duplicate(label: label + ":")
            switch source {
            case .path(let path):
                let fd = open(path, O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else { throw RuntimeError.errno("open", path) }
                defer { close(fd) }
                try TarExtractor(mode: .plain).extract(fd: fd, label: label, into: root)
            case .fd(let fd, _):
                // A pipe cannot be read twice: keep it as a file first (libarchive then sees any compression).
                let copy = staging + "/archive.tar"
                guard try ImageFiles.copy(from: fd, to: copy) > 0 else {
                    throw RuntimeError(.invalidArgument, "requested load from stdin, but stdin is empty")
                }
                try TarExtractor(mode: .plain).extract(copy, into: tree, label: label)
            }
            let manifests = try ArchiveManifest.read(root, label: label)
            for tag in manifests.flatMap(\.tags) where !ImageReference.isValid(tag) {
                throw RuntimeError(.invalidArgument, "load \(label): \(ImageReference.invalidFormat(tag).message)",
                                   operation: "load reference", path: label, reference: tag)
            }
            var added = (images: [String](), layers: [String]())
            do {
                var lines: [String] = []
                var tags = try readTags()
                for entry in manifests {
                    let configData = try ArchiveManifest.verifiedJSONData(root, entry.config.path, digest: entry.config.digest, label: label)
                    let document = try ImageConfigDocument.decode(configData, source: "load \(label): \(entry.config.path)")
                    guard document.diffIDs.count == entry.layers.count else {
                        throw RuntimeError(.invalidArgument, "load \(label): \(entry.config.path) names \(document.diffIDs.count) layers, the manifest \(entry.layers.count)")
                    }
                    for (layer, diffID) in zip(entry.layers, document.diffIDs) {
                        if ImageFiles.exists(layerPath(diffID)) { continue }
                        let blob = try root.openRegularFile(layer.path)
                        if let digest = layer.digest { try ImageStore.verify(blob, digest: digest, name: "\(label): \(layer.path)") }
                        _ = try ingestLayer(.fd(blob.fd, label: "\(label): \(layer.path)"), expected: diffID)
                        added.layers.append(diffID)
                    }
                    let id = SHA256Digest.digest(configData)
                    let isNew = !ImageFiles.exists(imagePath(id))
                    let record = try storeImage(configData: configData, document: document, parent: nil)
                    if isNew { added.images.append(record.id) }
                    if entry.tags.isEmpty { lines.append("Loaded image ID: \(record.id)") }
                    for tag in entry.tags {
                        tags[ImageReference.normalize(tag)] = record.id
                        lines.append("Loaded image: \(ImageReference.normalize(tag))")
                    }
                }
                try writeTags(tags)
                return lines
            } catch {
                try? discard(images: added.images, layers: added.layers)
                throw error
            }
        }
    }

    /// Removes images and layers a failed load had added (call under the lock, before their names are tagged).
    private func discard(images: [String], layers: [String]) throws {
        let trash = try makeTempDirectory("discard")
        for (i, path) in (images.map(imagePath) + layers.map(layerPath)).enumerated() where ImageFiles.exists(path) {
            guard rename(path, trash + "/\(i)") == 0 else { throw RuntimeError.errno("rename", "\(path) to \(trash)/\(i)") }
        }
        try ImageFiles.removeTree(trash)
    }

    /// Hashes the whole file open as `file` and compares with `digest`; leaves it at offset 0.
    static func verify(_ file: ImageFD, digest: String, name: String) throws {
        var hash = SHA256Digest()
        let chunk = 1 << 16
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(file.fd, buffer, chunk)
            if n < 0 {
                if errno == EINTR { continue }
                throw RuntimeError.errno("read", name)
            }
            if n == 0 { break }
            hash.update(buffer, count: n)
        }
        guard lseek(file.fd, 0, SEEK_SET) == 0 else { throw RuntimeError.errno("lseek", name) }
        let actual = "sha256:" + hash.finalizeHex()
        guard actual == digest else {
            throw RuntimeError(.invalidArgument, "load \(name): digest mismatch: expected \(digest), the data is \(actual)")
        }
    }
}
