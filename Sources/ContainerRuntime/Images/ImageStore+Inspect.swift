import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension ImageStore {
    /// `docker image inspect` of `image`, Docker-shaped: Id, RepoTags, Created, Size, Config,
    /// RootFS.Layers, and GraphDriver overlay2 with the real layer directories (LowerDir: the lower
    /// layers top first, joined by ":"; UpperDir: the top layer; MergedDir/WorkDir beside it).
    public func inspectJSON(_ image: ImageRecord) throws -> JSONObject {
        let document = try ImageConfigDocument.decode(try configData(of: image), source: image.id)
        let dirs = try lowerDirs(of: image)
        var graph: [String: Any] = [:]
        if let top = dirs.first {
            let topLayer = RelativePath.parent(top)
            graph["UpperDir"] = top
            graph["MergedDir"] = topLayer + "/merged"
            graph["WorkDir"] = topLayer + "/work"
            if dirs.count > 1 { graph["LowerDir"] = dirs.dropFirst().joined(separator: ":") }
        }
        // Docker's order (moby's ImageInspect and container.Config); maps print sorted.
        let config = JSONObject([
            "Hostname": "", "Domainname": "", "User": image.config.user,
            "AttachStdin": false, "AttachStdout": false, "AttachStderr": false,
            "Tty": false, "OpenStdin": false, "StdinOnce": false,
            "Env": image.config.env.isEmpty ? JSONNull() : image.config.env as Any,
            "Cmd": image.config.cmd.isEmpty ? JSONNull() : image.config.cmd as Any,
            "Image": "", "Volumes": JSONNull(), "WorkingDir": image.config.workingDir,
            "Entrypoint": image.config.entrypoint.isEmpty ? JSONNull() : image.config.entrypoint as Any,
            "OnBuild": JSONNull(),
            "Labels": image.config.labels.isEmpty ? JSONNull() : image.config.labels as Any,
        ])
        return JSONObject([
            "Id": image.id,
            "RepoTags": image.repoTags,
            "RepoDigests": [String](),
            "Parent": image.parent ?? "",
            "Comment": document.comment ?? "",
            "Created": ImageDates.format(image.created),
            "DockerVersion": "",
            "Author": "",
            "Config": config,
            "Architecture": document.architecture,
            "Os": document.os,
            "Size": image.size,
            "GraphDriver": JSONObject(["Data": graph, "Name": "overlay2"]),
            "RootFS": JSONObject(["Type": "layers", "Layers": image.layers]),
            "Metadata": JSONObject(["LastTagTime": "0001-01-01T00:00:00Z"]),
        ])
    }
}
