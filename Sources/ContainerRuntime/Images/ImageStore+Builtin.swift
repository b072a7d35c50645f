import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension ImageStore {
    /// What `build` makes, as a number: bumped when a built-in image's recipe changes (2: busybox
    /// from upstream's default configuration with buildroot's users), so that an image an older
    /// isolab built is made again rather than kept under the same name.
    static let builtinRecipe = 2

    /// The history's `created_by` of a built-in image of today's recipe.
    static func builtinCreatedBy(_ name: String) -> String { "isolab image build \(name) (recipe \(builtinRecipe))" }

    /// Whether a history says the image is a built-in one an older isolab made: isolab's
    /// `created_by`, of another recipe. (An image the user tagged `busybox` is never replaced.)
    static func isStaleBuiltin(history: [[String: Any]], name: String) -> Bool {
        guard let createdBy = history.first?["created_by"] as? String,
              createdBy == "isolab image build \(name)" || createdBy.hasPrefix("isolab image build \(name) (recipe ") else { return false }
        return createdBy != builtinCreatedBy(name)
    }

    /// Builds `busybox` or `debian` if the store lacks it, or holds one an older isolab built
    /// (a no-op when a current one is present).
    public func ensureBuiltin(_ name: String) throws {
        let normalized = ImageReference.normalize(name)
        guard let builtin = ImageStore.builtinName(normalized) else {
            throw RuntimeError(.invalidArgument, "no built-in image \(name): isolab builds \(ImageStore.builtinNames.joined(separator: " and "))")
        }
        if let image = try find(normalized), try !isStale(image, name: builtin) { return }
        _ = try build(builtin, onlyIfMissing: true)
    }

    private func isStale(_ image: ImageRecord, name: String) throws -> Bool {
        let document = try ImageConfigDocument.decode(try configData(of: image), source: image.id)
        return Self.isStaleBuiltin(history: document.history, name: name)
    }

    /// Builds a built-in image again, replacing its `:latest` tag, and returns it.
    @discardableResult
    public func build(_ name: String) throws -> ImageRecord {
        try build(name, onlyIfMissing: false)
    }

    /// `onlyIfMissing`: another process may have built it (of today's recipe) while this one
    /// waited for the lock.
    private func build(_ name: String, onlyIfMissing: Bool) throws -> ImageRecord {
        switch name {
        case "busybox":
            // The slow part (compiling busybox once) runs before taking the root's lock, under the cache's own.
            let binary = try BusyboxSourceBuild().binary()
            return try locked {
                if onlyIfMissing, let done = try find("busybox:latest"), try !isStale(done, name: "busybox") { return done }
                let layer = try makeLayer("build-busybox") { try BusyboxRootfs(binary: binary.path).write(into: $0) }
                return try storeBuiltin("busybox", layer: layer, config: ImageConfig(cmd: ["sh"]), origin: binary.origin)
            }
        case "debian":
            // The slow part runs before taking the root's lock, under the cache's own lock.
            let tarball = try DebianBootstrap().cachedRootfs()
            return try locked {
                if onlyIfMissing, let done = try find("debian:latest"), try !isStale(done, name: "debian") { return done }
                let layer = try ingestLayer(.path(tarball))
                return try storeBuiltin("debian", layer: layer, config: ImageConfig(cmd: ["bash"]), origin: DebianBootstrap.origin())
            }
        default:
            throw RuntimeError(.invalidArgument, "no built-in image \(name): isolab builds \(ImageStore.builtinNames.joined(separator: " and "))")
        }
    }

    /// Where the built-in image `name` came from (the `comment` of its history), for `isolab image
    /// build`, `docker info` and reports: says when busybox is Debian's busybox-static as a fallback.
    /// Nil when the image is not built or is not isolab's build.
    public func builtinOrigin(_ name: String) throws -> String? {
        guard let image = try find(name + ":latest") else { return nil }
        let document = try ImageConfigDocument.decode(try configData(of: image), source: image.id)
        guard let entry = document.history.first, let createdBy = entry["created_by"] as? String,
              createdBy == "isolab image build \(name)" || createdBy.hasPrefix("isolab image build \(name) (recipe ") else { return nil }
        return entry["comment"] as? String
    }

    private func storeBuiltin(_ name: String, layer: LayerRecord, config: ImageConfig, origin: String) throws -> ImageRecord {
        let created = Date()
        let history: [String: Any] = ["created": ImageDates.format(created), "created_by": Self.builtinCreatedBy(name), "comment": origin]
        let document = ImageConfigDocument(config: config, created: created, diffIDs: [layer.diffID], history: [history],
                                           comment: nil, parent: nil)
        var record = try storeImage(configData: try document.encoded(), document: document, parent: nil)
        try setTag(name + ":latest", to: record.id)
        record.repoTags = [name + ":latest"]
        return record
    }
}
