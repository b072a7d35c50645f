import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The host's cgroup set-up: the mode, the cgroup mounts and isolab's own cgroup.
public struct CgroupHost: Sendable, Equatable {
    public var mode: CgroupMode
    public var mounts: [CgroupMount]
    /// The text of /proc/self/cgroup.
    public var procSelfCgroup: String

    /// The directory where v2 is mounted when it is the host's mode.
    public static let unifiedRoot = "/sys/fs/cgroup"

    public init(mountinfo: String, procSelfCgroup: String) {
        mounts = CgroupMount.parse(mountinfo: mountinfo)
        mode = CgroupMode.detect(mounts, cgroupRoot: Self.unifiedRoot)
        self.procSelfCgroup = procSelfCgroup
    }

    /// This process's view, from /proc/self/mountinfo and /proc/self/cgroup.
    public static func current() throws -> CgroupHost {
        CgroupHost(mountinfo: try CgroupFS.read("/proc/self/mountinfo"), procSelfCgroup: try CgroupFS.read("/proc/self/cgroup"))
    }

    /// The implementation for this mode.
    public func makeManager() throws -> CgroupManager {
        switch mode {
        case .v2:
            let root = mounts.first { $0.fsType == "cgroup2" && $0.mountPoint == Self.unifiedRoot }?.root ?? "/"
            return try CgroupV2Manager(mountPoint: Self.unifiedRoot, mountRoot: root, procSelfCgroup: procSelfCgroup)
        case .v1:
            let manager = try CgroupV1Manager(mounts: mounts, procSelfCgroup: procSelfCgroup)
            guard !manager.hierarchies.isEmpty else {
                throw RuntimeError(.failed, "cgroups: no cgroup v1 hierarchy in /proc/self/mountinfo matches a line of /proc/self/cgroup")
            }
            return manager
        }
    }
}
