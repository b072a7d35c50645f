import ContainerRuntime
import Foundation

/// Docker-shaped `inspect` of an image, with GraphDriver.Data as the tutorial shows it.
enum ImageJSON {
    /// Finds an image without building a built-in one (inspect must not debootstrap).
    static func find(_ ref: String, in store: ImageStore) -> ImageRecord? {
        guard let all = try? store.list() else { return nil }
        let withTag = ref.contains(":") && !ref.hasPrefix("sha256:") ? ref : ref + ":latest"
        if let i = all.first(where: { $0.repoTags.contains(withTag) }) { return i }
        let hex = ref.hasPrefix("sha256:") ? String(ref.dropFirst(7)) : ref
        let m = all.filter { $0.id.dropFirst(7).hasPrefix(hex) }
        return m.count == 1 && hex.count >= 4 ? m[0] : nil
    }

    static func inspect(_ img: ImageRecord, store: ImageStore) -> [String: Any] {
        let lowers = (try? store.lowerDirs(of: img)) ?? []
        let top = lowers.first ?? ""
        let base = (top as NSString).deletingLastPathComponent
        let data: [String: Any] = [
            "LowerDir": lowers.dropFirst().joined(separator: ":"),
            "UpperDir": top,
            "MergedDir": base + "/merged",
            "WorkDir": base + "/work",
        ]
        let c = img.config
        return [
            "Id": img.id, "RepoTags": img.repoTags, "RepoDigests": [String](), "Parent": img.parent ?? "",
            "Created": ContainerJSON.iso.string(from: img.created), "Size": img.size,
            "Architecture": "amd64", "Os": "linux",
            "Config": ["Env": c.env, "Cmd": c.cmd, "Entrypoint": c.entrypoint.isEmpty ? NSNull() : c.entrypoint as Any,
                       "WorkingDir": c.workingDir, "User": c.user, "Labels": c.labels],
            "GraphDriver": ["Name": "overlay2", "Data": data],
            "RootFS": ["Type": "layers", "Layers": img.layers],
        ]
    }
}
