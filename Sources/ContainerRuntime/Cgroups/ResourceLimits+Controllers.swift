import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension ResourceLimits {
    /// The CPU bandwidth the limits ask for. ConfigValidator has refused what cannot be
    /// (--cpus with a quota or period, values out of range) before any cgroup is made.
    var cpuBandwidth: CgroupCPUBandwidth { CgroupCPUBandwidth(self) }

    /// Controllers the limits need, each with the flag that asked for it (for error messages).
    func requiredControllers(_ cpu: CgroupCPUBandwidth) -> [(controller: String, flag: String)] {
        var required: [(controller: String, flag: String)] = []
        if !cpu.isEmpty { required.append(("cpu", "--cpus/--cpu-quota/--cpu-period")) }
        else if cpuShares != 0 { required.append(("cpu", "--cpu-shares")) }
        if !cpusetCpus.isEmpty { required.append(("cpuset", "--cpuset-cpus")) }
        if memory > 0 { required.append(("memory", "--memory")) }
        if pidsLimit > 0 { required.append(("pids", "--pids-limit")) }
        return required
    }

    /// v2's `cpu.weight` (1...10000) for --cpu-shares (v1's 2...262144), by runc's linear map of one
    /// range onto the other: 2 → 1, 1024 → 39, 262144 → 10000. nil: no shares asked for.
    var cpuWeight: Int64? {
        guard cpuShares != 0 else { return nil }
        return 1 + ((cpuShares - 2) * 9999) / 262_142
    }

    /// v2's `memory.swap.max` for --memory-swap (memory + swap): the swap alone, by runc's
    /// conversion; "max" for -1; nil when no swap limit was asked for. Equal to -m, it is 0: a
    /// host with swap then kills at the limit rather than swapping, as v1's memsw does.
    var swapMax: String? {
        if memorySwap == -1 { return "max" }
        guard memorySwap > 0, memory > 0, memorySwap >= memory else { return nil }
        return String(memorySwap - memory)
    }
}
