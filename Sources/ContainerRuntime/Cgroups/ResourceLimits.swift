import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Resource flags of `run`, as Docker names them in HostConfig.
public struct ResourceLimits: Codable, Sendable, Equatable {
    public var nanoCPUs: Int64 = 0       // --cpus 0.5 -> 500_000_000
    public var cpuQuota: Int64 = 0       // --cpu-quota (µs)
    public var cpuPeriod: Int64 = 0      // --cpu-period (µs)
    public var cpusetCpus: String = ""   // --cpuset-cpus
    public var cpuShares: Int64 = 0      // --cpu-shares, a relative weight (1024 is the kernel's default); 0 = unset
    public var memory: Int64 = 0         // -m, bytes
    public var memorySwap: Int64 = 0     // --memory-swap: memory + swap, bytes; -1 = unlimited swap; 0 = unset
    public var pidsLimit: Int64 = 0      // --pids-limit; 0 or -1 = unlimited
    public init() {}
}
