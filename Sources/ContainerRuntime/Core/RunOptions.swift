import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// What `run` asks for, already parsed from flags (DockerCLI fills it).
public struct RunOptions: Sendable {
    public var image: String
    public var command: [String] = []
    public var name: String?
    public var hostname: String?
    public var env: [String] = []
    public var workingDir: String?
    public var user: String?
    public var labels: [String: String] = [:]
    public var detach = false
    public var interactive = false
    public var tty = false
    public var autoRemove = false
    public var readOnly = false
    public var privileged = false
    public var securityOpt: [String] = []
    public var initProcess = false
    public var ipcMode = "private"
    public var pidMode = ""
    public var networkMode = "bridge"
    public var networkAliases: [String] = []
    public var capAdd: [String] = []
    public var capDrop: [String] = []
    public var limits = ResourceLimits()
    public var mounts: [ContainerMount] = []
    public var entrypoint: [String]?        // --entrypoint: replaces the image's ([""]: none)
    public var restartPolicy: RestartPolicy?
    public var attachStreams: [String]?     // run -a stdout|stderr (lower case)
    /// Gets the daemon's warnings about the settings (Docker prints them as "WARNING: ...").
    public var warn: (@Sendable (String) -> Void)?

    public init(image: String) { self.image = image }
}
