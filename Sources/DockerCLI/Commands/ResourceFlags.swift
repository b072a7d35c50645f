import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Parses Docker's resource flags (`--cpus 0.5`, `-m 512m`) into limits, as Docker's CLI does:
/// only the syntax is judged here; ranges, conflicts and available CPUs are the daemon's checks
/// (`Runtime.checkLimits`), in the daemon's words.
enum ResourceFlags {
    static func limits(cpus: String?, cpuQuota: String?, cpuPeriod: String?, cpusetCpus: String?,
                       memory: String?, pidsLimit: String?) throws -> ResourceLimits {
        var l = ResourceLimits()
        if let c = cpus { l.nanoCPUs = try FlagValue.nanoCPUs(c) }
        if let q = cpuQuota { l.cpuQuota = try FlagValue.int64(q, flag: "--cpu-quota") }
        if let p = cpuPeriod { l.cpuPeriod = try FlagValue.int64(p, flag: "--cpu-period") }
        l.cpusetCpus = cpusetCpus ?? ""
        if let m = memory { l.memory = try FlagValue.bytes(m, flag: "-m, --memory") }
        if let p = pidsLimit { l.pidsLimit = try FlagValue.int64(p, flag: "--pids-limit") }
        return l
    }
}
