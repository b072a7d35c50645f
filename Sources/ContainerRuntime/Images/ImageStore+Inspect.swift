import Foundation

extension ImageStore {
    /// `docker image inspect` of `image`, Docker-shaped: Id, RepoTags, Created, Size, Config,
    /// RootFS.Layers, and GraphDriver overlay2 with the real layer directories (LowerDir: the lower
    /// layers top first, joined by ":"; UpperDir: the top layer; MergedDir/WorkDir beside it).
    public func inspectJSON(_ image: ImageRecord) throws -> [String: Any] {
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
        let config: [String: Any] = [
            "Env": image.config.env.isEmpty ? NSNull() : image.config.env,
            "Cmd": image.config.cmd.isEmpty ? NSNull() : image.config.cmd,
            "Entrypoint": image.config.entrypoint.isEmpty ? NSNull() : image.config.entrypoint,
            "WorkingDir": image.config.workingDir,
            "User": image.config.user,
            "Labels": image.config.labels.isEmpty ? NSNull() : image.config.labels,
            "Hostname": "", "Domainname": "", "AttachStdin": false, "AttachStdout": false, "AttachStderr": false,
            "Tty": false, "OpenStdin": false, "StdinOnce": false, "Image": "", "Volumes": NSNull(), "OnBuild": NSNull(),
        ]
        return [
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
            "GraphDriver": ["Name": "overlay2", "Data": graph],
            "RootFS": ["Type": "layers", "Layers": image.layers],
            "Metadata": ["LastTagTime": "0001-01-01T00:00:00Z"],
        ]
    }
}
