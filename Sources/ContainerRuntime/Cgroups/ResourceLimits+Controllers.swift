import Foundation

extension ResourceLimits {
    /// The CPU bandwidth the limits ask for. ConfigValidator has refused what cannot be
    /// (--cpus with a quota or period, values out of range) before any cgroup is made.
    var cpuBandwidth: CgroupCPUBandwidth { CgroupCPUBandwidth(self) }

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
