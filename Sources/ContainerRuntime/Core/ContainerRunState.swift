import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Run-time facts of a started container, kept under /run/isolab while it runs.
public struct ContainerRunState: Codable, Sendable {
    public var pid: Int32                // the container's init, in the host's PID namespace
    public var pidStartTime: UInt64      // /proc/PID/stat field 22, against PID reuse
    public var monitorPid: Int32
    public var monitorStartTime: UInt64
    public var startedAt: Date
    public var cgroup: CgroupPlacement?
    public var network: NetworkAttachment?
    /// Networks joined with `network connect` (absent in states of older isolab).
    public var extraNetworks: [NetworkAttachment]?
}
