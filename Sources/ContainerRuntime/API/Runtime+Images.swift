import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The image queries and operations the CLI makes (`images`, `inspect`, `history`, `tag`,
/// `load`, `save`, `import`, `commit`, `export`, `rmi`, `image prune`, `image build`).
/// What they return are values; the image store behind them stays the runtime's.
public typealias ImageHistoryRow = ImageStore.HistoryRow

extension Runtime {
    /// The images isolab builds itself rather than pulling.
    public static var builtinImageNames: [String] { ImageStore.builtinNames }

    /// Every image of the root.
    public func imageList() throws -> [ImageRecord] { try images.list() }

    /// The image a name, id or id prefix names, or nil.
    public func image(_ reference: String) throws -> ImageRecord? { try images.find(reference) }

    /// `docker image inspect`'s object for an image.
    public func inspectJSON(of image: ImageRecord) throws -> JSONObject { try images.inspectJSON(image) }

    /// The image's build steps, newest first (`docker history`).
    public func history(of image: ImageRecord) throws -> [ImageHistoryRow] { try images.history(of: image) }

    public func tagImage(source: String, target: String) throws { try images.tag(source: source, target: target) }

    /// Loads a `docker save` or OCI archive; returns Docker's `Loaded image: ...` lines.
    public func loadImages(path: String) throws -> [String] { try images.load(path: path) }
    public func loadImages(fd: Int32) throws -> [String] { try images.load(fd: fd) }

    /// Writes the images as one `docker save` archive to `fd`.
    public func saveImages(_ references: [String], to fd: Int32) throws { try images.save(references: references, to: fd) }

    /// Makes an image of one layer from a root filesystem tarball (`docker import`).
    public func importImage(path: String, reference: String?, comment: String?) throws -> ImageRecord {
        try images.importTarball(path: path, reference: reference, comment: comment)
    }
    public func importImage(fd: Int32, reference: String?, comment: String?) throws -> ImageRecord {
        try images.importTarball(fd: fd, reference: reference, comment: comment)
    }

    /// Builds (again) a built-in image.
    public func buildImage(_ name: String) throws -> ImageRecord { try images.build(name) }

    /// Builds a built-in image the root lacks, or holds of an older recipe.
    public func ensureBuiltinImage(_ name: String) throws { try images.ensureBuiltin(name) }

    /// How a built-in image was made (busybox: upstream's configuration or Debian's fallback), or nil.
    public func builtinOrigin(_ name: String) throws -> String? { try images.builtinOrigin(name) }

    /// The container's writable layer as a new image on top of its image (`docker commit`);
    /// `configure` adjusts the image's config (the container's command, environment, `-c`).
    public func commit(_ c: Container, reference: String?, comment: String?,
                       configure: (inout ImageConfig) throws -> Void) throws -> ImageRecord {
        let base = try images.resolve(c.config.imageID)
        var config = base.config
        try configure(&config)
        return try images.commit(upperDir: c.upperDir, baseImage: base, config: config, reference: reference, comment: comment)
    }

    /// The container's root filesystem as a tar stream on `fd` (`docker export`).
    public func export(_ c: Container, to fd: Int32) throws {
        try images.exportRootfs(lowerDirs: c.config.lowerDirs, upperDir: c.upperDir, to: fd)
    }

    /// `rmi`: untags or deletes the image; returns Docker's `Untagged:`/`Deleted:` lines. An image
    /// a container of any namespace of the root uses is refused (see `ImageStore.remove`).
    public func removeImage(_ reference: String, force: Bool) throws -> [String] {
        try images.remove(reference: reference, force: force, isRunning: { isContainerRunning(id: $0) }) { containerUsing($0) }
    }

    /// `image prune`: images no container uses (untagged ones, or with `all` every one), removed.
    /// Returns the store's `Untagged:`/`Deleted:` lines and the bytes of the deleted images.
    public func pruneImages(all: Bool) -> (lines: [String], bytes: Int64) {
        var lines: [String] = []
        var bytes: Int64 = 0
        for image in (try? images.list()) ?? [] where (all || image.repoTags.isEmpty) && containerUsing(image) == nil {
            let reference = image.repoTags.first ?? image.id
            guard let removed = try? images.remove(reference: reference, force: true, inUse: { _ in nil }) else { continue }
            // Every tag of the image goes, then the image.
            var out = removed
            if out.contains(where: { $0.hasPrefix("Untagged:") }) && !out.contains(where: { $0.hasPrefix("Deleted:") }) {
                out += (try? images.remove(reference: image.id, force: true, inUse: { _ in nil })) ?? []
            }
            lines += out
            if out.contains(where: { $0.hasPrefix("Deleted:") }) { bytes += image.size }
        }
        return (lines, bytes)
    }

    /// A container of any namespace of the root whose image this is; a running one is named
    /// before a stopped one (it is the harder refusal).
    func containerUsing(_ image: ImageRecord) -> String? {
        var stopped: String?
        for ns in namespaces() {
            for user in inNamespace(ns).containers() where user.config.imageID == image.id {
                if user.isRunning { return user.id }
                stopped = stopped ?? user.id
            }
        }
        return stopped
    }

    /// Whether the container `id` (of any namespace of the root) is running.
    func isContainerRunning(id: String) -> Bool {
        for ns in namespaces() {
            if let found = try? inNamespace(ns).store.load(id: id) { return found.isRunning }
        }
        return false
    }
}
