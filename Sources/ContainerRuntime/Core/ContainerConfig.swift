import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Everything a container was created with; written once, at create time.
public struct ContainerConfig: Codable, Sendable {
    public var id: String
    public var name: String
    public var namespace: String
    public var created: Date
    public var image: String             // as the user wrote it ("busybox")
    public var imageID: String
    public var entrypoint: [String]
    public var cmd: [String]
    public var args: [String]            // entrypoint + cmd, what runs
    public var env: [String]             // the image's Env and -e; HOSTNAME, HOME, TERM are per process
    public var home: String              // the user's home directory, for HOME
    public var workingDir: String
    public var user: String              // as given ("1000:1000", "nobody", "")
    public var uid: UInt32
    public var gid: UInt32
    public var additionalGids: [UInt32]
    public var hostname: String
    public var labels: [String: String]
    public var tty: Bool
    public var interactive: Bool
    public var detached: Bool
    public var autoRemove: Bool
    public var readOnly: Bool
    public var privileged: Bool
    public var noNewPrivileges: Bool
    public var initProcess: Bool
    public var ipcMode: String           // private | shareable | host | container:<id>
    public var pidMode: String           // "" | host | container:<id>
    public var networkMode: String       // bridge | none | host | container:<id> | a user network's name
    public var capAdd: [String]
    public var capDrop: [String]
    public var capabilities: Capabilities
    public var securityOpt: [String]
    public var seccompProfile: String    // "default", "unconfined" (--privileged, seccomp=unconfined) or "custom"
    public var limits: ResourceLimits
    public var lowerDirs: [String]       // the image's layers, top first
    public var mounts: [ContainerMount]? // -v, --mount, --tmpfs (absent in configs of older isolab)
    public var restartPolicy: RestartPolicy? // --restart; nil: "no"
    public var attachStreams: [String]?  // run -a: which of stdout/stderr reach the client (nil: both)
    public var networkAliases: [String]? // --network-alias, on a user network only
    public var seccomp: SeccompProfile?  // seccompProfile "custom": the profile (seccomp=FILE.json), kept here
}
