import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// How the host mounts cgroups.
public enum CgroupMode: Sendable, Equatable, CustomStringConvertible {
    /// Controllers on v1 hierarchies; `hybrid` when an (empty) cgroup2 is mounted beside them.
    case v1(hybrid: Bool)
    /// The unified hierarchy at /sys/fs/cgroup.
    case v2

    /// A cgroup2 at /sys/fs/cgroup means v2; anything else is v1, hybrid if a cgroup2 is mounted elsewhere.
    public static func detect(_ mounts: [CgroupMount], cgroupRoot: String = "/sys/fs/cgroup") -> CgroupMode {
        if mounts.contains(where: { $0.fsType == "cgroup2" && $0.mountPoint == cgroupRoot }) { return .v2 }
        return .v1(hybrid: mounts.contains { $0.fsType == "cgroup2" })
    }

    /// "v1 (hybrid)", "v1" or "v2", as `info` and reports print it.
    public var description: String {
        switch self {
        case .v1(hybrid: true): return "v1 (hybrid)"
        case .v1(hybrid: false): return "v1"
        case .v2: return "v2"
        }
    }
}
