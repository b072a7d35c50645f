import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension CgroupV1Manager {
    /// On cgroup v1 the first write to any `cgroup.procs` waits for an RCU grace period (the
    /// kernel's cgroup_threadgroup_rwsem; 10-15 ms on a loaded 2-core machine, a third of a
    /// `run --rm`), while writes within one grace period after it are cheap. `run` starts that
    /// wait on a thread of its own before it resolves the image, by writing this process into
    /// the cgroup it is already in (a move to where it is: nothing changes), so the container's
    /// own join finds the lock warm. runc and crun pay the full wait on every start.
    /// Best effort: a failure only means no head start.
    public func warmMigrationLock() {
        guard let own = hierarchies.first?.ownDirectory else { return }
        let path = own + "/cgroup.procs"
        let pid = String(getpid())
        // A detached pthread (Foundation's Thread is not in FoundationEssentials; see CFormat).
        let context = Unmanaged.passRetained(WarmupTarget(path: path, pid: pid)).toOpaque()
        var thread = pthread_t()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        defer { pthread_attr_destroy(&attributes) }
        let rc = pthread_create(&thread, &attributes, { raw in
            guard let raw else { return nil }
            let target = Unmanaged<WarmupTarget>.fromOpaque(raw).takeRetainedValue()
            let fd = open(target.path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            _ = target.pid.withCString { write(fd, $0, strlen($0)) }
            close(fd)
            return nil
        }, context)
        if rc != 0 { Unmanaged<WarmupTarget>.fromOpaque(context).release() }
    }
}

/// What the warm-up thread writes where.
private final class WarmupTarget {
    let path: String
    let pid: String
    init(path: String, pid: String) { self.path = path; self.pid = pid }
}
