import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// What the monitor writes when the container's init ends.
public struct ContainerExit: Codable, Sendable {
    public var exitCode: Int32
    public var signal: Int32
    public var finishedAt: Double        // seconds since 1970
    /// The kernel's OOM killer killed a process of the container's cgroup (its `oom_kill` count, read
    /// by the monitor before the cgroup is removed). Absent in records written before isolab had it.
    public var oomKilled: Bool?
}
