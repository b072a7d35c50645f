import Foundation

/// One interface, two implementations (v1 and v2); the host's mode is detected once.
public protocol CgroupManager: Sendable {
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

public struct CgroupStats: Sendable, Equatable {
    public var cpuNanos: UInt64
    public var memoryUsage: UInt64
    public var memoryLimit: UInt64?      // nil: unlimited
    public var pids: UInt64
    public init(cpuNanos: UInt64, memoryUsage: UInt64, memoryLimit: UInt64?, pids: UInt64) {
        self.cpuNanos = cpuNanos; self.memoryUsage = memoryUsage; self.memoryLimit = memoryLimit; self.pids = pids
    }
}

public enum Cgroups {
    /// The manager for this host (detected once per process).
    public static func manager() throws -> CgroupManager {
        throw RuntimeError(.failed, "cgroups: not implemented yet")
    }
    /// "v1 (hybrid)", "v1", "v2" for `info` and reports.
    public static func describeHost() -> String { "unknown" }
}
