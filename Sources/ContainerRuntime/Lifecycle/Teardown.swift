import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Undoes a half-made container start, last made first: process, network, cgroup, state, files.
struct Teardown {
    let runtime: Runtime
    let container: Container
    var monitorPid: pid_t = 0
    var childPid: pid_t = 0
    var network = false
    var cgroup: CgroupPlacement?
    var runState = false
    private var armed = true

    init(runtime: Runtime, container: Container) { self.runtime = runtime; self.container = container }

    mutating func disarm() { armed = false }

    func run() {
        guard armed else { return }
        if childPid > 0 { Glibc.kill(childPid, SIGKILL) }
        if monitorPid > 0 {
            // The monitor sees the sync socket close (or its child die) and exits; reap it.
            Glibc.kill(monitorPid, SIGKILL)
            var st: Int32 = 0
            while waitpid(monitorPid, &st, 0) < 0 && errno == EINTR {}
        }
        if network { try? NetworkManager().detach(containerID: container.id, attachment: nil) }
        if let cg = cgroup, let m = try? Cgroups.manager() { try? m.destroy(cg) }
        if runState { runtime.store.removeRunState(id: container.id) }
        runtime.removeFiles(container)
    }
}
