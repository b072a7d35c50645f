import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The CFS bandwidth a container gets from `--cpus`, `--cpu-quota` and `--cpu-period`, in microseconds.
/// nil leaves the kernel's value (no quota; a 100 ms period).
public struct CgroupCPUBandwidth: Sendable, Equatable {
    public var quota: Int64?
    public var period: Int64?

    /// The period Docker uses for `--cpus`.
    public static let defaultPeriod: Int64 = 100_000

    public init(quota: Int64?, period: Int64?) { self.quota = quota; self.period = period }

    /// `--cpus` is a quota over the default period (0.5 → 50000/100000). Docker refuses it
    /// together with an explicit quota or period (ConfigValidator); here it simply wins.
    public init(_ limits: ResourceLimits) {
        if limits.nanoCPUs > 0 {
            let period = Self.defaultPeriod
            // Multiply first: nano CPUs are at most a few 1e10, so nano * 1e5 stays far below Int64.max.
            self.init(quota: limits.nanoCPUs * period / 1_000_000_000, period: period)
            return
        }
        // 0 means "not set" and -1 "unlimited", which a new cgroup already is.
        self.init(quota: limits.cpuQuota > 0 ? limits.cpuQuota : nil,
                  period: limits.cpuPeriod > 0 ? limits.cpuPeriod : nil)
    }

    public var isEmpty: Bool { quota == nil && period == nil }

    /// v2's `cpu.max`: "50000 100000", or "max 20000" for a period alone.
    public var cpuMax: String? {
        if isEmpty { return nil }
        let quotaText = quota.map(String.init) ?? "max"
        return "\(quotaText) \(period ?? Self.defaultPeriod)"
    }
}
