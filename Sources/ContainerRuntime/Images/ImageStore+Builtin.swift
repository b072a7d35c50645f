import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension ImageStore {
    /// Builds `busybox` or `debian` if the store lacks it (a no-op when present).
    public func ensureBuiltin(_ name: String) throws {
        let normalized = ImageReference.normalize(name)
        guard let builtin = ImageStore.builtinName(normalized) else {
            throw RuntimeError(.invalidArgument, "no built-in image \(name): isolab builds \(ImageStore.builtinNames.joined(separator: " and "))")
        }
        if try find(normalized) != nil { return }
        _ = try build(builtin, onlyIfMissing: true)
    }

    /// Builds a built-in image again, replacing its `:latest` tag, and returns it.
    @discardableResult
    public func build(_ name: String) throws -> ImageRecord {
        try build(name, onlyIfMissing: false)
    }

    /// `onlyIfMissing`: another process may have built it while this one waited for the lock.
    private func build(_ name: String, onlyIfMissing: Bool) throws -> ImageRecord {
        switch name {
        case "busybox":
            // The slow part (compiling busybox once) runs before taking the root's lock, under the cache's own.
            let binary = try BusyboxSourceBuild().binary()
            return try locked {
                if onlyIfMissing, let done = try find("busybox:latest") { return done }
                let layer = try makeLayer("build-busybox") { try BusyboxRootfs(binary: binary.path).write(into: $0) }
                return try storeBuiltin("busybox", layer: layer, config: ImageConfig(cmd: ["sh"]), origin: binary.origin)
            }
        case "debian":
            // The slow part runs before taking the root's lock, under the cache's own lock.
            let tarball = try DebianBootstrap().cachedRootfs()
            return try locked {
                if onlyIfMissing, let done = try find("debian:latest") { return done }
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
        guard let entry = document.history.first, entry["created_by"] as? String == "isolab image build \(name)" else { return nil }
        return entry["comment"] as? String
    }

    private func storeBuiltin(_ name: String, layer: LayerRecord, config: ImageConfig, origin: String) throws -> ImageRecord {
        let created = Date()
        let history: [String: Any] = ["created": ImageDates.format(created), "created_by": "isolab image build \(name)", "comment": origin]
        let document = ImageConfigDocument(config: config, created: created, diffIDs: [layer.diffID], history: [history],
                                           comment: nil, parent: nil)
        var record = try storeImage(configData: try document.encoded(), document: document, parent: nil)
        try setTag(name + ":latest", to: record.id)
        record.repoTags = [name + ":latest"]
        return record
    }
}
