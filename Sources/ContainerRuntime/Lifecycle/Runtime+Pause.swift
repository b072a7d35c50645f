import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension Runtime {
    /// `pause` / `unpause`: the container's cgroup frozen or thawed, refused unless the container's state allows it.
    public func setPaused(_ ref: String, _ paused: Bool) throws {
        let c = try store.find(ref)
        guard c.isRunning, let cgroup = c.run?.cgroup else {
            throw RuntimeError.refused(.notRunning, "container \(c.id) is not running", operation: paused ? "pause" : "unpause", reference: c.id)
        }
        let frozen = CgroupLiveChanges.isFrozen(cgroup)
        if paused && frozen { throw RuntimeError.refused(.conflict, "container \(c.id) is already paused", operation: "pause", reference: c.id) }
        if !paused && !frozen { throw RuntimeError.refused(.conflict, "container \(c.id) is not paused", operation: "unpause", reference: c.id) }
        try CgroupLiveChanges.setFrozen(cgroup, paused)
    }

    /// Whether a running container is paused (for inspect and ps).
    public func isPaused(_ c: Container) -> Bool {
        guard c.isRunning, let cgroup = c.run?.cgroup else { return false }
        return CgroupLiveChanges.isFrozen(cgroup)
    }

    /// `update`: new limits, written into the running container's cgroup at once (a lab can
    /// watch them change) and kept in its config for inspect and the next start.
    /// `warn` gets moby's warnings (a swap limit the host cannot set).
    public func updateLimits(_ ref: String, warn: (String) -> Void = { _ in }, _ change: (inout ResourceLimits) throws -> Void) throws {
        let c = try store.find(ref)
        var cfg = c.config
        try change(&cfg.limits)
        let validator = ConfigValidator.forHost(cfg.limits)
        try validator.validate(update: c.config.limits, to: cfg.limits, containerID: c.id)
        validator.adapt(&cfg.limits, creating: false).forEach(warn)
        if c.isRunning, let cgroup = c.run?.cgroup { try CgroupLiveChanges.apply(cfg.limits, to: cgroup) }
        try FileLock(path: store.namespaceLock).withLock {
            var fresh = try store.load(id: c.id).config
            fresh.limits = cfg.limits
            try AtomicFile.writeJSON(fresh, to: c.dir + "/config.json")
        }
    }
}
