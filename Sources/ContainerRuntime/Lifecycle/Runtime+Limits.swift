import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension Runtime {
    /// Docker's sources for `ConfigValidator`: the CPUs this process may run on, and the cpuset.cpus
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
                let text = String(decoding: data, as: UTF8.self).trimmingWhitespace()
                if !text.isEmpty { return (ProcessInfo.processInfo.activeProcessorCount, text) }
            }
        }
        return (ProcessInfo.processInfo.activeProcessorCount, "")
    }

    /// moby's sysinfo.SwapLimit: v2 limits swap (memory.swap.max) wherever it limits memory; v1
    /// only with swap accounting, seen as memory.memsw.limit_in_bytes at the memory hierarchy's root.
    static func hostSwapLimit() -> Bool {
        guard let host = try? Cgroups.host() else { return false }
        if case .v2 = host.mode { return true }
        guard let memory = host.mounts.first(where: { $0.fsType == "cgroup" && $0.superOptions.contains("memory") }) else { return false }
        return CgroupFS.exists(memory.mountPoint + "/memory.memsw.limit_in_bytes")
    }
}
