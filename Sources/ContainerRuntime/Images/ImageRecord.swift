import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// An image as the store keeps it: a chain of content-addressed layers and a config.
public struct ImageRecord: Codable, Sendable, Equatable {
    public var id: String                // "sha256:<64 hex>" of the config
    public var repoTags: [String]        // ["busybox:latest"]
    public var created: Date
    public var layers: [String]          // layer digests ("sha256:..."), bottom first
    public var config: ImageConfig
    public var size: Int64               // bytes, all layers
    public var parent: String?           // the image a commit was made from

    public init(id: String, repoTags: [String], created: Date, layers: [String], config: ImageConfig,
                size: Int64, parent: String?) {
        self.id = id; self.repoTags = repoTags; self.created = created; self.layers = layers
        self.config = config; self.size = size; self.parent = parent
    }
}

/// The part of an OCI/Docker image config that a container starts from.
public struct ImageConfig: Codable, Sendable, Equatable {
    public var env: [String]
    public var cmd: [String]
    public var entrypoint: [String]
    public var workingDir: String
    public var user: String
    public var labels: [String: String]
    public init(env: [String] = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
                cmd: [String] = ["sh"], entrypoint: [String] = [], workingDir: String = "",
                user: String = "", labels: [String: String] = [:]) {
        self.env = env; self.cmd = cmd; self.entrypoint = entrypoint; self.workingDir = workingDir
        self.user = user; self.labels = labels
    }
}
