import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// One interface, two implementations (`CgroupV1Manager`, `CgroupV2Manager`); the host's mode is detected once
/// (`Cgroups.manager()`).
public protocol CgroupManager: Sendable {
    /// Where `create` puts (or put) the container's cgroup(s), without touching anything: clean-up
    /// of a container whose start was killed before its state was written finds them this way.
    func placement(for containerID: String) throws -> CgroupPlacement
    /// Creates the container's cgroup(s) and writes the limits. Nothing joins yet.
    func create(containerID: String, limits: ResourceLimits) throws -> CgroupPlacement
    /// Total CPU time used by the cgroup, in nanoseconds.
    func cpuUsageNanos(_ placement: CgroupPlacement) throws -> UInt64
    /// Memory usage and limit in bytes, and the number of processes.
    func stats(_ placement: CgroupPlacement) throws -> CgroupStats
    /// Every pid in the cgroup.
    func pids(_ placement: CgroupPlacement) throws -> [Int32]
    /// Kills every process of the cgroup, then removes it, retrying while the kernel still holds it.
    func destroy(_ placement: CgroupPlacement) throws
}
