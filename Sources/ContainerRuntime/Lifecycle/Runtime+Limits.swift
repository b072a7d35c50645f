import Foundation

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
                let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { return (ProcessInfo.processInfo.activeProcessorCount, text) }
            }
        }
        return (ProcessInfo.processInfo.activeProcessorCount, "")
    }
}
