import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The daemon's checks of a container's settings, in moby's order and words
/// (verifyContainerSettings, verifyPlatformContainerResources), made before anything of the
/// container exists: the one place a refusal's message is written. `run`, `create` and
/// `update` go through it; the cgroup managers then apply what it let through.
public struct ConfigValidator: Sendable {
    /// The CPU count Docker compares --cpus with.
    public var cpus: Int
    /// The cpuset.cpus of the host's cpuset hierarchy ("0-1").
    public var availableCpuset: String
    /// Whether a swap limit can be set (moby's sysinfo.SwapLimit): v2, or v1 with swap accounting.
    public var swapLimit: Bool

    public init(cpus: Int, availableCpuset: String, swapLimit: Bool = true) {
        self.cpus = cpus
        self.availableCpuset = availableCpuset
        self.swapLimit = swapLimit
    }

    /// The host's facts, read only when the limits need them (most runs set no CPU limit).
    public static func forHost(_ limits: ResourceLimits) -> ConfigValidator {
        let needsCPUs = limits.nanoCPUs != 0 || !limits.cpusetCpus.isEmpty
        let facts = needsCPUs ? Runtime.hostCPUFacts() : (cpus: 1, cpuset: "")
        let needsSwap = limits.memory > 0 || limits.memorySwap != 0
        return ConfigValidator(cpus: facts.cpus, availableCpuset: facts.cpuset, swapLimit: needsSwap ? Runtime.hostSwapLimit() : true)
    }

    /// moby's warning when -m is given on a host that cannot limit swap (adapt then drops the swap limit).
    public static let noSwapLimitWarning = "Your kernel does not support swap limit capabilities or the cgroup is not mounted. Memory limited without swap."

    /// `run`/`create`: namespace modes, the working directory, then the resources.
    public func validate(_ o: RunOptions) throws {
        for (kind, text) in [(NamespaceMode.Kind.ipc, o.ipcMode), (.pid, o.pidMode)] where NamespaceMode(text, kind: kind) == nil {
            throw ConfigValidationError("invalid \(kind.flag) value: \"\(text)\"")
        }
        if NamespaceMode(o.networkMode, kind: .net) == nil {
            throw ConfigValidationError("network \(o.networkMode) not found", notFound: true)
        }
        if let w = o.workingDir, !w.hasPrefix("/") {
            throw ConfigValidationError("the working directory '\(w)' is invalid, it needs to be an absolute path")
        }
        try validate(o.limits)
    }

    /// moby's adjustments of valid settings, as HostConfig then shows them (adaptContainerSettings
    /// and verifyPlatformContainerResources): --cpu-shares beyond the kernel's range becomes its
    /// nearest bound (a negative value the minimum); at create, -m without --memory-swap allows
    /// as much swap again (memory-swap = 2 × memory); a host that cannot limit swap gets none
    /// (-1) and a warning. Returns the warnings, for the CLI to print.
    @discardableResult
    public func adapt(_ l: inout ResourceLimits, creating: Bool) -> [String] {
        if l.cpuShares < 0 { l.cpuShares = Self.minCPUShares } else if l.cpuShares > Self.maxCPUShares { l.cpuShares = Self.maxCPUShares }
        if creating && l.memory > 0 && l.memorySwap == 0 { l.memorySwap = l.memory.multipliedReportingOverflow(by: 2).overflow ? -1 : l.memory * 2 }
        if l.memory > 0 && l.memorySwap != -1 && !swapLimit {
            l.memorySwap = -1
            return [Self.noSwapLimitWarning]
        }
        return []
    }
    public static let minCPUShares: Int64 = 2
    public static let maxCPUShares: Int64 = 262_144

    /// `update`: the container's limits `old` becoming `new`. moby refuses a memory limit above
    /// the swap limit in force when the swap limit is not changed with it (a container made with
    /// `-m` alone has one: twice its memory), in its update's words; then the usual checks.
    public func validate(update old: ResourceLimits, to new: ResourceLimits, containerID: String) throws {
        if new.memory != old.memory && new.memorySwap == old.memorySwap && old.memorySwap > 0 && new.memory > old.memorySwap {
            throw ConfigValidationError("Cannot update container \(containerID): Conflicting options: Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time")
        }
        try validate(new, update: true)
    }

    /// The resources, as `run` asks for them or as `update` leaves them.
    public func validate(_ l: ResourceLimits, update: Bool = false) throws {
        if l.memory != 0 && l.memory < 6 * 1024 * 1024 { throw ConfigValidationError("Minimum memory limit allowed is 6MB") }
        // Without swap accounting the swap limit is dropped (adapt), so it cannot be wrong.
        let swap = l.memory > 0 && l.memorySwap != -1 && !swapLimit ? -1 : l.memorySwap
        if l.memory > 0 && swap > 0 && swap < l.memory {
            throw ConfigValidationError("Minimum memoryswap limit should be larger than memory limit, see usage")
        }
        if l.memory == 0 && swap > 0 && !update {
            throw ConfigValidationError("You should always set the Memory limit when using Memoryswap limit, see usage")
        }
        if l.nanoCPUs > 0 && l.cpuPeriod > 0 { throw ConfigValidationError("Conflicting options: Nano CPUs and CPU Period cannot both be set") }
        if l.nanoCPUs > 0 && l.cpuQuota > 0 { throw ConfigValidationError("Conflicting options: Nano CPUs and CPU Quota cannot both be set") }
        // Docker leaves a --cpus below 0.01 to the kernel, which refuses the quota under 1 ms it
        // makes; its own range message names that lower bound, so isolab gives it at once.
        let cpuCount = Int64(max(cpus, 1))
        if l.nanoCPUs != 0 && (l.nanoCPUs < 10_000_000 || l.nanoCPUs > cpuCount * 1_000_000_000) {
            throw ConfigValidationError("range of CPUs is from 0.01 to \(cpuCount).00, as there are only \(cpuCount) CPUs available")
        }
        if l.cpuPeriod != 0 && (l.cpuPeriod < 1000 || l.cpuPeriod > 1_000_000) {
            throw ConfigValidationError("CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)")
        }
        if l.cpuQuota > 0 && l.cpuQuota < 1000 { throw ConfigValidationError("CPU cfs quota can not be less than 1ms (i.e. 1000)") }
        if !l.cpusetCpus.isEmpty {
            let available = (try? CpusetList.parse(availableCpuset, maximum: 0)) ?? []
            let maximum = max(CpusetList.defaultMaximum, available.max() ?? 0)
            let requested: Set<Int>
            do { requested = try CpusetList.parse(l.cpusetCpus, maximum: maximum) } catch {
                throw ConfigValidationError("Invalid value \(l.cpusetCpus) for cpuset cpus: \(error)")
            }
            if !requested.isSubset(of: available) {
                throw ConfigValidationError("Requested CPUs are not available - requested \(l.cpusetCpus), available: \(availableCpuset)")
            }
        }
    }
}
