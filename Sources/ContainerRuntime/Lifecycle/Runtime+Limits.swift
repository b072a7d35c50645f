import Foundation

extension Runtime {
    /// The daemon's checks of `run`'s resource limits, in its order and words (moby's
    /// verifyPlatformContainerResources), made before anything of the container exists.
    /// `cpus` is the CPU count Docker compares --cpus with; `availableCpuset` the cpuset.cpus
    /// of the host's cpuset hierarchy ("0-1").
    static func checkLimits(_ l: ResourceLimits, cpus: Int, availableCpuset: String) throws {
        func refuse(_ message: String) -> RuntimeError {
            RuntimeError.refused(.invalidArgument, "\(message).")
        }
        if l.memory != 0 && l.memory < 6 * 1024 * 1024 { throw refuse("Minimum memory limit allowed is 6MB") }
        if l.nanoCPUs > 0 && l.cpuPeriod > 0 { throw refuse("Conflicting options: Nano CPUs and CPU Period cannot both be set") }
        if l.nanoCPUs > 0 && l.cpuQuota > 0 { throw refuse("Conflicting options: Nano CPUs and CPU Quota cannot both be set") }
        // Docker leaves a --cpus below 0.01 to the kernel, which refuses the quota under 1 ms it
        // makes; its own range message names that lower bound, so isolab gives it at once.
        let cpuCount = Int64(max(cpus, 1))
        if l.nanoCPUs != 0 && (l.nanoCPUs < 10_000_000 || l.nanoCPUs > cpuCount * 1_000_000_000) {
            throw refuse("range of CPUs is from 0.01 to \(cpuCount).00, as there are only \(cpuCount) CPUs available")
        }
        if l.cpuPeriod != 0 && (l.cpuPeriod < 1000 || l.cpuPeriod > 1_000_000) {
            throw refuse("CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)")
        }
        if l.cpuQuota > 0 && l.cpuQuota < 1000 { throw refuse("CPU cfs quota can not be less than 1ms (i.e. 1000)") }
        if !l.cpusetCpus.isEmpty {
            let available = (try? CpusetList.parse(availableCpuset, maximum: 0)) ?? []
            let maximum = max(CpusetList.defaultMaximum, available.max() ?? 0)
            let requested: Set<Int>
            do { requested = try CpusetList.parse(l.cpusetCpus, maximum: maximum) } catch {
                throw refuse("Invalid value \(l.cpusetCpus) for cpuset cpus: \(error)")
            }
            if !requested.isSubset(of: available) {
                throw refuse("Requested CPUs are not available - requested \(l.cpusetCpus), available: \(availableCpuset)")
            }
        }
    }

    /// Docker's sources for `checkLimits`: the CPUs this process may run on, and the cpuset.cpus
    /// at the root of the host's cpuset hierarchy (v1's cpuset mount, or v2's
    /// cpuset.cpus.effective), else the online CPUs.
    static func hostCPUFacts() -> (cpus: Int, cpuset: String) {
        var candidates: [String] = []
        if let host = try? Cgroups.host() {
            for m in host.mounts {
                if m.fsType == "cgroup", m.superOptions.contains("cpuset") { candidates.append(m.mountPoint + "/cpuset.cpus") }
                if m.fsType == "cgroup2" { candidates.append(m.mountPoint + "/cpuset.cpus.effective") }
            }
        }
        candidates.append("/sys/devices/system/cpu/online")
        for path in candidates {
            // A CPU list is short ("0-127"); 64 KiB holds one for every CPU Linux supports.
            if let data = try? FileIO.read(path, limit: 1 << 16) {
                let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { return (ProcessInfo.processInfo.activeProcessorCount, text) }
            }
        }
        return (ProcessInfo.processInfo.activeProcessorCount, "")
    }
}
