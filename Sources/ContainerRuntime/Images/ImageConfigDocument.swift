import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The image config JSON (Docker's and OCI's shape): the bytes whose digest is the image id.
struct ImageConfigDocument {
    var config: ImageConfig
    var created: Date
    var diffIDs: [String]
    var history: [[String: Any]]
    var comment: String?
    var parent: String?
    var architecture = "amd64"
    var os = "linux"

    /// Serialized with sorted keys, so the same image always gets the same id.
    func encoded() throws -> Data {
        var inner: [String: Any] = [:]
        inner["Env"] = config.env.isEmpty ? JSONNull() : config.env
        inner["Cmd"] = config.cmd.isEmpty ? JSONNull() : config.cmd
        if !config.entrypoint.isEmpty { inner["Entrypoint"] = config.entrypoint }
        inner["WorkingDir"] = config.workingDir
        inner["User"] = config.user
        inner["Labels"] = config.labels.isEmpty ? JSONNull() : config.labels
        var doc: [String: Any] = [
            "architecture": architecture, "os": os,
            "created": ImageDates.format(created),
            "config": inner,
            "rootfs": ["type": "layers", "diff_ids": diffIDs],
            "history": history,
        ]
        if let comment { doc["comment"] = comment }
        if let parent { doc["parent"] = parent }
        do {
            return try UntypedJSON.encode(doc)
        } catch {
            throw RuntimeError(.failed, "encode image config: \(error)")
        }
    }

    /// Reads a Docker or OCI config. `source` names it in errors.
    static func decode(_ data: Data, source: String) throws -> ImageConfigDocument {
        guard let doc = (try? UntypedJSON.parse(data)) as? [String: Any] else {
            throw RuntimeError(.invalidArgument, "\(source): not an image config (invalid JSON)")
        }
        let inner = doc["config"] as? [String: Any] ?? [:]
        var labels: [String: String] = [:]
        for (k, v) in inner["Labels"] as? [String: Any] ?? [:] { labels[k] = "\(v)" }
        let config = ImageConfig(env: inner["Env"] as? [String] ?? [], cmd: inner["Cmd"] as? [String] ?? [],
                                 entrypoint: inner["Entrypoint"] as? [String] ?? [],
                                 workingDir: inner["WorkingDir"] as? String ?? "", user: inner["User"] as? String ?? "",
                                 labels: labels)
        guard let rootfs = doc["rootfs"] as? [String: Any], let diffIDs = rootfs["diff_ids"] as? [String] else {
            throw RuntimeError(.invalidArgument, "\(source): image config has no rootfs.diff_ids")
        }
        if let bad = diffIDs.first(where: { !SHA256Digest.isDigest($0) }) {
            throw RuntimeError(.invalidArgument, "\(source): invalid diff_id \(bad.debugDescription): want sha256: and 64 lowercase hex digits")
        }
        var result = ImageConfigDocument(config: config,
                                         created: (doc["created"] as? String).flatMap(ImageDates.parse) ?? Date(timeIntervalSince1970: 0),
                                         diffIDs: diffIDs, history: doc["history"] as? [[String: Any]] ?? [],
                                         comment: doc["comment"] as? String, parent: doc["parent"] as? String)
        result.architecture = doc["architecture"] as? String ?? "amd64"
        result.os = doc["os"] as? String ?? "linux"
        return result
    }
}
