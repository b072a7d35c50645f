import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `rm -f` of a running container claims its clean-up from the monitor (CRuntime/reaper.c):
/// rm removes everything itself anyway, and the monitor's exit command would be a second isolab
/// process doing it first while rm waits. The monitor runs its exit command after all when rm
/// dies or fails before the container is gone.
extension Runtime {
    static let reaperFile = "reaper"

    /// Writes this process (pid and start time) as the container's reaper; false if it could not.
    func claimCleanup(_ c: Container) -> Bool {
        let me = getpid()
        guard let start = HostProcess.startTime(me) else { return false }
        return (try? AtomicFile.write(Data("\(me) \(start)\n".utf8), to: c.dir + "/" + Self.reaperFile, mode: 0o600, durable: false)) != nil
    }

    /// Waits until the monitor took the claim (renamed it to `reaper.seen` once the exit was
    /// recorded); false when the monitor ended without taking it (its exit command ran) or
    /// after 20 s.
    func waitCleanupClaimTaken(_ c: Container, _ run: ContainerRunState) -> Bool {
        let seen = c.dir + "/" + Self.reaperFile + ".seen"
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if access(seen, F_OK) == 0 { return true }
            if !HostProcess.isAlive(run.monitorPid, startTime: run.monitorStartTime) { return access(seen, F_OK) == 0 }
            usleep(500)
        }
        return false
    }
}
