import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Runtime {
    /// `rm [-f]`: a running container is refused unless forced; forced, every process of its
    /// cgroup is killed, then its cgroup, network, state and files go.
    public func remove(_ ref: String, force: Bool) throws {
        let c = try store.find(ref)
        if c.isRunning {
            guard force else {
                throw RuntimeError(.conflict, "Error response from daemon: cannot remove container \"/\(c.config.name)\": container is running: stop the container before removing or force remove")
            }
            if let run = c.run {
                if let cg = run.cgroup, let m = try? Cgroups.manager() {
                    // Kill every process, exec'd ones included; the init's death ends the monitor.
                    for pid in (try? m.pids(cg)) ?? [] { Glibc.kill(pid, SIGKILL) }
                }
                Glibc.kill(run.pid, SIGKILL)
                waitForMonitor(run)
            }
        }
        try cleanup(id: c.id, removeContainer: true)
    }

    /// The exit command of the monitor and the last step of `rm`: cgroup, network, run-time
    /// state, and the container itself when it was run with --rm (or `remove` is true).
    /// Idempotent: a container already gone is fine.
    public func cleanup(id: String, removeContainer: Bool = false) throws {
        guard let c = try? store.load(id: id) else { return }
        var firstError: Error? = nil
        if let run = c.run {
            if c.status == .running {
                // Cleanup of a live container only comes from `rm -f` after its monitor failed.
                Glibc.kill(run.pid, SIGKILL)
            }
            if let cg = run.cgroup {
                do { try Cgroups.manager().destroy(cg) } catch { firstError = firstError ?? error }
            }
            if run.network != nil || c.config.networkMode == "bridge" {
                do { try NetworkManager().detach(containerID: id, attachment: run.network) } catch { firstError = firstError ?? error }
            }
        }
        store.removeRunState(id: id)
        if removeContainer || c.config.autoRemove { removeFiles(c) }
        if let e = firstError { throw e }
    }

    func removeFiles(_ c: Container) {
        try? FileManager.default.removeItem(atPath: c.dir)
        ContainerStore.removeEmptyParents(of: c.dir, upTo: context.root + "/containers")
    }

    /// `namespace rm`: every container of the namespace, forced, then the namespace.
    public func removeNamespace() throws {
        var firstError: Error? = nil
        for c in store.list() {
            do { try remove(c.id, force: true) } catch { firstError = firstError ?? error }
        }
        try? FileManager.default.removeItem(atPath: store.namespaceDir)
        try? FileManager.default.removeItem(atPath: store.namespaceLock)
        try? FileManager.default.removeItem(atPath: store.runNamespaceDir)
        ContainerStore.removeEmptyParents(of: store.runNamespaceDir + "/x", upTo: context.runBase)
        if let e = firstError { throw e }
    }
}
