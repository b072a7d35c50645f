import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// One mounted v1 hierarchy and where isolab's own cgroup sits in it.
public struct CgroupV1Hierarchy: Sendable, Equatable {
    /// Controllers bound to this hierarchy ("cpu", or "cpu" and "cpuacct" together, or "name=systemd").
    public var controllers: [String]
    public var mountPoint: String
    /// isolab's cgroup, relative to `mountPoint` ("/process_api/b4f0…" or "/").
    public var ownPath: String

    public init(controllers: [String], mountPoint: String, ownPath: String) {
        self.controllers = controllers; self.mountPoint = mountPoint; self.ownPath = ownPath
    }

    /// The directory of isolab's own cgroup in this hierarchy.
    public var ownDirectory: String { CgroupPath.join(mountPoint, ownPath) }

    /// Pairs each v1 mount with its line of /proc/self/cgroup (same controller set). A hierarchy mounted twice
    /// is used once; one whose mounted subtree does not contain isolab's cgroup is skipped, as nothing can be
    /// placed under isolab's cgroup there.
    public static func resolve(mounts: [CgroupMount], selfCgroup: [ProcCgroupEntry]) -> [CgroupV1Hierarchy] {
        var seen = Set<Int>()
        var result: [CgroupV1Hierarchy] = []
        for mount in mounts where mount.fsType == "cgroup" {
            let options = Set(mount.superOptions)
            guard let entry = selfCgroup.first(where: { !$0.isUnified && !$0.controllers.isEmpty
                                                        && Set($0.controllers).isSubset(of: options) }),
                  !seen.contains(entry.hierarchyID),
                  let relative = CgroupPath.relative(entry.path, to: mount.root) else { continue }
            seen.insert(entry.hierarchyID)
            result.append(CgroupV1Hierarchy(controllers: entry.controllers, mountPoint: mount.mountPoint, ownPath: relative))
        }
        return result
    }
}
