import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Docker's resource flags, shared by `run`, `create` and `update`. `validate()` judges only the
/// syntax, as Docker's CLI does (pflag's words, exit 125, the command's usage); ranges and
/// conflicts are the daemon's checks (ContainerRuntime's ConfigValidator), in its words.
struct ResourceFlags: ParsableArguments {
    @Option(help: "Number of CPUs") var cpus: String?
    @Option(name: .customLong("cpu-quota"), help: "Limit CPU CFS (Completely Fair Scheduler) quota") var cpuQuota: String?
    @Option(name: .customLong("cpu-period"), help: "Limit CPU CFS (Completely Fair Scheduler) period") var cpuPeriod: String?
    @Option(name: [.customShort("c"), .customLong("cpu-shares")], help: "CPU shares (relative weight)") var cpuShares: String?
    @Option(name: .customLong("cpuset-cpus"), help: "CPUs in which to allow execution (0-3, 0,1)") var cpusetCpus: String?
    @Option(name: [.customShort("m"), .customLong("memory")], help: "Memory limit") var memory: String?
    @Option(name: .customLong("memory-swap"), help: "Swap limit equal to memory plus swap: '-1' to enable unlimited swap") var memorySwap: String?
    @Option(name: .customLong("pids-limit"), help: "Tune container pids limit (set -1 for unlimited)") var pidsLimit: String?

    /// The flags that take a value, for FlagNormalizer: short → long, and every long name.
    static let shortValues: [String: String] = ["c": "cpu-shares", "m": "memory"]
    static let longValues: Set<String> = ["cpus", "cpu-quota", "cpu-period", "cpu-shares", "cpuset-cpus", "memory", "memory-swap", "pids-limit"]

    init() {}

    func validate() throws { _ = try given() }

    /// Whether any flag was given (`update` needs one).
    var isEmpty: Bool { [cpus, cpuQuota, cpuPeriod, cpuShares, cpusetCpus, memory, memorySwap, pidsLimit].allSatisfy { $0 == nil } }

    /// The limits the flags ask for; a flag not given leaves its field at "not set".
    func limits() throws -> ResourceLimits {
        var l = ResourceLimits()
        try given().forEach { $0(&l) }
        return l
    }

    /// `update`: the given flags change `l`, the others leave it. --cpus and --cpu-quota are two
    /// ways to say one quota: the one given replaces the other.
    func apply(to l: inout ResourceLimits) throws {
        try given().forEach { $0(&l) }
        if cpus != nil { l.cpuQuota = 0 }
        if cpuQuota != nil { l.nanoCPUs = 0 }
    }

    /// Each given flag, parsed, as a change to the limits.
    private func given() throws -> [(inout ResourceLimits) -> Void] {
        var changes: [(inout ResourceLimits) -> Void] = []
        if let c = cpus { let v = try FlagValue.nanoCPUs(c); changes.append { $0.nanoCPUs = v } }
        if let q = cpuQuota { let v = try FlagValue.int64(q, flag: "--cpu-quota"); changes.append { $0.cpuQuota = v } }
        if let p = cpuPeriod { let v = try FlagValue.int64(p, flag: "--cpu-period"); changes.append { $0.cpuPeriod = v } }
        if let s = cpuShares { let v = try FlagValue.int64(s, flag: "-c, --cpu-shares"); changes.append { $0.cpuShares = v } }
        if let s = cpusetCpus { changes.append { $0.cpusetCpus = s } }
        if let m = memory { let v = try FlagValue.bytes(m, flag: "-m, --memory"); changes.append { $0.memory = v } }
        // docker/cli's MemSwapBytes: "-1" (unlimited swap), else a size.
        if let s = memorySwap { let v = s == "-1" ? -1 : try FlagValue.bytes(s, flag: "--memory-swap"); changes.append { $0.memorySwap = v } }
        if let p = pidsLimit { let v = try FlagValue.int64(p, flag: "--pids-limit"); changes.append { $0.pidsLimit = v } }
        return changes
    }
}
