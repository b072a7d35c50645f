import Foundation
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
        Thread.detachNewThread {
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { return }
            _ = pid.withCString { write(fd, $0, strlen($0)) }
            close(fd)
        }
    }
}
