import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension ResourceLimits {
    /// Checks the limits before any cgroup is made and returns the CPU bandwidth they ask for.
    /// Values the kernel itself judges (a too small quota, an unknown CPU) are left to its EINVAL.
    func validatedCPUBandwidth() throws -> CgroupCPUBandwidth {
        guard memory >= 0 else {
            throw RuntimeError(.invalidArgument, "invalid value for --memory: \(memory) bytes is negative")
        }
        return try CgroupCPUBandwidth(self)
    }

    /// Controllers the limits need, each with the flag that asked for it (for error messages).
    func requiredControllers(_ cpu: CgroupCPUBandwidth) -> [(controller: String, flag: String)] {
        var required: [(controller: String, flag: String)] = []
        if !cpu.isEmpty { required.append(("cpu", "--cpus/--cpu-quota/--cpu-period")) }
        if !cpusetCpus.isEmpty { required.append(("cpuset", "--cpuset-cpus")) }
        if memory > 0 { required.append(("memory", "--memory")) }
        if pidsLimit > 0 { required.append(("pids", "--pids-limit")) }
        return required
    }
}
