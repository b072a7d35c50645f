import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension ResourceLimits {
    /// The keys in config.json (the synthesized encoder uses them too: a property without a
    /// case here would not be written; ContainerConfigDecodingTests checks).
    enum CodingKeys: String, CodingKey, CaseIterable {
        case nanoCPUs, cpuQuota, cpuPeriod, cpusetCpus, cpuShares, memory, memorySwap, pidsLimit
    }

    /// Every limit is optional in a config.json: one an older isolab did not know is unset.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        nanoCPUs = try c.decodeIfPresent(Int64.self, forKey: .nanoCPUs) ?? nanoCPUs
        cpuQuota = try c.decodeIfPresent(Int64.self, forKey: .cpuQuota) ?? cpuQuota
        cpuPeriod = try c.decodeIfPresent(Int64.self, forKey: .cpuPeriod) ?? cpuPeriod
        cpusetCpus = try c.decodeIfPresent(String.self, forKey: .cpusetCpus) ?? cpusetCpus
        cpuShares = try c.decodeIfPresent(Int64.self, forKey: .cpuShares) ?? cpuShares
        memory = try c.decodeIfPresent(Int64.self, forKey: .memory) ?? memory
        memorySwap = try c.decodeIfPresent(Int64.self, forKey: .memorySwap) ?? memorySwap
        pidsLimit = try c.decodeIfPresent(Int64.self, forKey: .pidsLimit) ?? pidsLimit
    }
}
