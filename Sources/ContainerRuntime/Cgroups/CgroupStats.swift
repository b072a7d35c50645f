import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// What `stats` shows for a container, read from its cgroup.
public struct CgroupStats: Sendable, Equatable {
    public var cpuNanos: UInt64
    public var memoryUsage: UInt64
    public var memoryLimit: UInt64?      // nil: unlimited
    public var pids: UInt64
    public init(cpuNanos: UInt64, memoryUsage: UInt64, memoryLimit: UInt64?, pids: UInt64) {
        self.cpuNanos = cpuNanos; self.memoryUsage = memoryUsage; self.memoryLimit = memoryLimit; self.pids = pids
    }
}
