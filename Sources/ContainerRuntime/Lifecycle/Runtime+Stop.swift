import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension Runtime {
    /// `stop`: the signal (TERM), then KILL after `timeout` seconds (negative: no limit), as
    /// Docker's. A PID 1 without a handler for the signal ignores it (the PID-namespace init
    /// rule), so it gets the whole grace period: the lesson about PID 1 and `--init`.
    public func stop(_ ref: String, timeout: Double = 10, signal sig: Int32 = SIGTERM) throws {
        let c = try store.find(ref)
        // First, so that a restart waiting out its back-off does not happen either.
        markStoppedByUser(c)
        guard c.isRunning, let run = c.run else { return }  // Docker: stopping a stopped container is fine
        Glibc.kill(run.pid, sig)   // Docker sends it even with -t 0
        // A paused container handles nothing until thawed: thaw it, as Docker does.
        if let cg = run.cgroup, CgroupLiveChanges.isFrozen(cg) { try? CgroupLiveChanges.setFrozen(cg, false) }
        let limit = timeout < 0 ? Double(Int32.max) : timeout
        if timeout != 0, HostProcess.waitGone(run.pid, startTime: run.pidStartTime, timeout: limit) {
            waitForMonitor(run)
            return
        }
        Glibc.kill(run.pid, SIGKILL)
        waitForMonitor(run)
    }

    /// `kill -s`: sends the signal to the container's init.
    public func kill(_ ref: String, signal sig: Int32) throws {
        let c = try store.find(ref)
        guard c.isRunning, let run = c.run else {
            throw RuntimeError.refused(.notRunning, "container \(c.id) is not running", operation: "kill", reference: ref)
        }
        markStoppedByUser(c)
        guard Glibc.kill(run.pid, sig) == 0 else { throw RuntimeError.errno("kill \(run.pid)") }
        if sig == SIGKILL { waitForMonitor(run) }
    }

    /// The monitor records the exit and runs the clean-up; wait for it so that nothing of the
    /// container is left when the command returns.
    func waitForMonitor(_ run: ContainerRunState) {
        HostProcess.waitGone(run.pid, startTime: run.pidStartTime, timeout: 10)
        HostProcess.waitGone(run.monitorPid, startTime: run.monitorStartTime, timeout: 20)
    }
}
