import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// What changes a running container's cgroup in place: the freezer (`pause`/`unpause`: v1's
/// freezer.state, v2's cgroup.freeze) and new limits (`update`), written as `create` writes them.
public enum CgroupLiveChanges {
    /// Freezes or thaws every process of the cgroup, and waits until the kernel says it is done.
    public static func setFrozen(_ placement: CgroupPlacement, _ frozen: Bool) throws {
        if placement.version == 2, let dir = placement.directories.first {
            try CgroupFS.write(frozen ? "1" : "0", to: dir + "/cgroup.freeze")
            try waitFor(dir + "/cgroup.events") { $0.split(separator: "\n").contains(frozen ? "frozen 1" : "frozen 0") }
            return
        }
        guard let dir = placement.directories.first(where: { CgroupFS.exists($0 + "/freezer.state") }) else {
            throw RuntimeError(.system(errno: ENOENT), "cgroups: pause needs the v1 freezer controller, but no freezer hierarchy is mounted (see /proc/self/mountinfo)")
        }
        try CgroupFS.write(frozen ? "FROZEN" : "THAWED", to: dir + "/freezer.state")
        try waitFor(dir + "/freezer.state") { $0.trimmingWhitespace() == (frozen ? "FROZEN" : "THAWED") }
    }

    /// Whether the cgroup is frozen (a paused container).
    public static func isFrozen(_ placement: CgroupPlacement) -> Bool {
        if placement.version == 2, let dir = placement.directories.first {
            return ((try? CgroupFS.read(dir + "/cgroup.events")) ?? "").split(separator: "\n").contains("frozen 1")
        }
        guard let dir = placement.directories.first(where: { CgroupFS.exists($0 + "/freezer.state") }) else { return false }
        return ((try? CgroupFS.readTrimmed(dir + "/freezer.state")) ?? "") == "FROZEN"
    }

    /// Writes `limits` into the running container's cgroup.
    public static func apply(_ limits: ResourceLimits, to placement: CgroupPlacement) throws {
        let cpu = limits.cpuBandwidth
        let manager = try Cgroups.manager()
        if let v1 = manager as? CgroupV1Manager { try v1.apply(limits, cpu, placement) }
        else if let v2 = manager as? CgroupV2Manager, let dir = placement.directories.first { try v2.apply(limits, cpu, dir) }
    }

    private static func waitFor(_ file: String, timeout: Double = 5, _ done: (String) -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !done((try? CgroupFS.read(file)) ?? "") {
            if Date() > deadline { throw RuntimeError(.failed, "cgroups: \(file) did not change within \(Int(timeout)) s") }
            usleep(2_000)
        }
    }
}
