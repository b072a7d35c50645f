import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Where a container's cgroup lives, recorded in its state: a directory per hierarchy (v1) or one (v2).
public struct CgroupPlacement: Codable, Sendable, Equatable {
    public var version: Int              // 1 or 2
    public var directories: [String]     // absolute paths of the container's cgroup directories
    /// The files the container's child writes "0" to, before it execs, to join.
    public var procsFiles: [String] { directories.map { $0 + "/cgroup.procs" } }
    public init(version: Int, directories: [String]) { self.version = version; self.directories = directories }
}
