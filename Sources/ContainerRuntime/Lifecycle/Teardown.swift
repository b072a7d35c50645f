import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Undoes a half-made container start, last made first: process, network, cgroup, run-time
/// state, files. What it cannot undo is said on stderr, never swallowed.
struct Teardown {
    let runtime: Runtime
    let id: String
    var monitorPid: pid_t = 0
    var childPid: pid_t = 0
    var network = false
    /// Set once a start begins joining a user network: its bridge and leases.
    var userNetwork: NetworkConfiguration?
    var cgroup: CgroupPlacement?
    var runState = false
    var files = false
    /// An exec failure leaves the container "Created", as Docker does (unless --rm).
    var keepContainer = false
    private var armed = true

    init(runtime: Runtime, id: String) { self.runtime = runtime; self.id = id }

    mutating func disarm() { armed = false }

    func run() {
        guard armed else { return }
        var problems: [String] = []
        if childPid > 0 { Glibc.kill(childPid, SIGKILL) }
        if monitorPid > 0 {
            // Killed before it can run its own exit command: this undo is the only one.
            Glibc.kill(monitorPid, SIGKILL)
            var st: Int32 = 0
            while waitpid(monitorPid, &st, 0) < 0 && errno == EINTR {}
        }
        if network {
            do { try NetworkManager().detach(containerID: id, attachment: nil) } catch { problems.append("\(error)") }
        }
        if let configuration = userNetwork {
            do { try NetworkManager(configuration: configuration).detach(containerID: id, attachment: nil) } catch { problems.append("\(error)") }
        }
        if let cg = cgroup {
            do { try Cgroups.manager().destroy(cg) } catch { problems.append("\(error)") }
        }
        if runState { runtime.store.removeRunState(id: id) }
        if files {
            if keepContainer {
                unlink(runtime.store.dir(for: id) + "/started")
            } else if let error = runtime.removeFiles(id: id) {
                problems.append(error)
            }
        }
        for p in problems {
            try? FileHandle.standardError.write(contentsOf: Data("isolab: clean-up of container \(id.prefix(12)) incomplete: \(p)\n".utf8))
        }
    }
}
