import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Runtime {
    /// `stop`: the signal (TERM), then KILL after `timeout` seconds. An init that does not handle
    /// the signal ignores it (PID-namespace init rule), so then KILL is sent at once.
    public func stop(_ ref: String, timeout: Double = 10, signal sig: Int32 = SIGTERM) throws {
        let c = try store.find(ref)
        guard c.isRunning, let run = c.run else { return }  // Docker: stopping a stopped container is fine
        if HostProcess.catches(run.pid, signal: sig) {
            Glibc.kill(run.pid, sig)
            if HostProcess.waitGone(run.pid, startTime: run.pidStartTime, timeout: timeout) {
                waitForMonitor(run)
                return
            }
        }
        Glibc.kill(run.pid, SIGKILL)
        waitForMonitor(run)
    }

    /// `kill -s`: sends the signal to the container's init.
    public func kill(_ ref: String, signal sig: Int32) throws {
        let c = try store.find(ref)
        guard c.isRunning, let run = c.run else {
            throw RuntimeError(.conflict, "Error response from daemon: cannot kill container: \(ref): container \(c.id) is not running")
        }
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
