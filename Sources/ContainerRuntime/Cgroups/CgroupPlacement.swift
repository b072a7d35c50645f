import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Where a container's cgroup lives, recorded in its state: a directory per hierarchy (v1) or one (v2).
public struct CgroupPlacement: Codable, Sendable, Equatable {
    public var version: Int              // 1 or 2
    public var directories: [String]     // absolute paths of the container's cgroup directories
    /// The files a container's single-threaded C child writes "0" to, before it execs, to join.
    /// On v1 `tasks`, not `cgroup.procs`: kernels that move a thread writing "0" alone skip the
    /// threadgroup lock (this one does; older ones take it either way), whose first writer waits
    /// for an RCU grace period (7-17 ms on this machine) holding cgroup_mutex, which also stalls
    /// every cgroup mkdir meanwhile. With one thread, the thread is the process. v2 has no `tasks`.
    public var joinFiles: [String] { directories.map { $0 + (version == 1 ? "/tasks" : "/cgroup.procs") } }
    /// The files that move a whole process, given by pid, into the cgroup(s).
    public var procsFiles: [String] { directories.map { $0 + "/cgroup.procs" } }
    public init(version: Int, directories: [String]) { self.version = version; self.directories = directories }
}
