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
            let binary = try BusyboxRootfs.locateBinary()
            return try locked {
                if onlyIfMissing, let done = try find("busybox:latest") { return done }
                return try storeBuiltin("busybox", config: ImageConfig(cmd: ["sh"])) { try BusyboxRootfs(binary: binary).write(into: $0) }
            }
        case "debian":
            // The slow part runs before taking the root's lock, under the cache's own lock.
            let tarball = try DebianBootstrap().cachedRootfs()
            return try locked {
                if onlyIfMissing, let done = try find("debian:latest") { return done }
                let layer = try ingestLayer(.path(tarball))
                return try storeBuiltin("debian", layer: layer, config: ImageConfig(cmd: ["bash"]))
            }
        default:
            throw RuntimeError(.invalidArgument, "no built-in image \(name): isolab builds \(ImageStore.builtinNames.joined(separator: " and "))")
        }
    }

    private func storeBuiltin(_ name: String, config: ImageConfig, _ produce: (TarWriter) throws -> Void) throws -> ImageRecord {
        let layer = try makeLayer("build-\(name)", produce)
        return try storeBuiltin(name, layer: layer, config: config)
    }

    private func storeBuiltin(_ name: String, layer: LayerRecord, config: ImageConfig) throws -> ImageRecord {
        let created = Date()
        let document = ImageConfigDocument(config: config, created: created, diffIDs: [layer.diffID],
                                           history: [["created": ImageDates.format(created), "created_by": "isolab image build \(name)"]],
                                           comment: nil, parent: nil)
        var record = try storeImage(configData: try document.encoded(), document: document, parent: nil)
        try setTag(name + ":latest", to: record.id)
        record.repoTags = [name + ":latest"]
        return record
    }
}
