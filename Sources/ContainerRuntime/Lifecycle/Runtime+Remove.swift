import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension Runtime {
    /// `rm [-f]`: a running container is refused unless forced; forced, every process of its
    /// cgroup is killed, then its cgroup, network, state and files go. A broken container (a
    /// record unreadable) is found by id and handled from what remains: the run state's pids
    /// if it reads, else the cgroup its id names.
    public func remove(_ ref: String, force: Bool) throws {
        let c = try store.find(ref, allowBroken: true)
        // A restart policy must not bring back what the user removes.
        markStoppedByUser(c)
        Trace.mark("find")
        let manager = try? Cgroups.manager()
        let placement = c.run?.cgroup ?? (c.run == nil ? try? manager?.placement(for: c.id) : nil)
        // Without a run state, processes are known only by the cgroup (a start killed before it
        // wrote the state, or a state that no longer reads).
        let orphans = c.run == nil ? (placement.flatMap { try? manager?.pids($0) } ?? []) : []
        let initAlive = c.run.map { HostProcess.isAlive($0.pid, startTime: $0.pidStartTime) } ?? !orphans.isEmpty
        var reaping = false
        if initAlive {
            guard force else {
                let name = c.broken == nil ? c.config.name : c.shortID
                throw RuntimeError.refused(.alreadyRunning, "container \(c.id) is running", operation: "remove", reference: name)
            }
            // Before the kill: the monitor looks for the claim once the init is gone.
            reaping = c.run != nil && claimCleanup(c)
            if let cg = placement, let m = manager {
                // Kill every process, exec'd ones included; the init's death ends the monitor.
                CgroupFS.kill((try? m.pids(cg)) ?? [])
            }
            if let run = c.run { Glibc.kill(run.pid, SIGKILL) }
            // A paused container's processes die only once thawed (Docker unpauses too).
            if let cg = placement, CgroupLiveChanges.isFrozen(cg) { try? CgroupLiveChanges.setFrozen(cg, false) }
        }
        Trace.mark("kill")
        // Whether we killed it or it just ended: its monitor's clean-up finishes first.
        if let run = c.run {
            if !(reaping && waitCleanupClaimTaken(c, run)) { waitForMonitor(run) }
        } else if let cg = placement, let m = manager, !orphans.isEmpty {
            Self.waitEmpty(cg, manager: m, timeout: 10)
        }
        Trace.mark("wait for the monitor")
        try cleanup(id: c.id, removeContainer: true)
        Trace.mark("clean-up")
    }

    /// Polls until no process is left in the cgroup (SIGKILLed processes are reaped by their
    /// parents, the monitor for the init); false on timeout.
    @discardableResult
    static func waitEmpty(_ placement: CgroupPlacement, manager: CgroupManager, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while let pids = try? manager.pids(placement), !pids.isEmpty {
            if Date() > deadline { return false }
            usleep(2_000)
        }
        return true
    }

    /// The exit command of the monitor and the last step of `rm`: cgroup, network, run-time
    /// state, and the container itself when it was run with --rm (or `remove` is true).
    /// Idempotent: a container already gone is fine. A broken one is cleaned from what remains.
    public func cleanup(id: String, removeContainer: Bool = false) throws {
        guard let c = store.loadOrBroken(id: id) else { return }
        var firstError: Error? = nil
        // An init that has ended took its network namespace with it: the kernel deletes the veth.
        let initEnded = c.run.map { !HostProcess.isAlive($0.pid, startTime: $0.pidStartTime) } ?? false
        if c.status == .running, let run = c.run, HostProcess.isAlive(run.pid, startTime: run.pidStartTime) {
            // Cleanup of a live container only comes from `rm -f` after its monitor failed.
            Glibc.kill(run.pid, SIGKILL)
        }
        // The placement is recorded in the run state, and derivable from the id when a start was
        // killed before it wrote that state. A directory that is not there is already clean.
        do {
            let manager = try Cgroups.manager()
            let placement = try c.run?.cgroup ?? manager.placement(for: id)
            try manager.destroy(placement)
        } catch { firstError = error }
        Trace.mark("  cgroups removed")
        // A broken config no longer says its network mode: detach when the state names an
        // attachment or is itself unreadable (detach is a no-op for a veth that is not there).
        let configRead = c.brokenRecord != "config.json"
        let bridged = configRead ? NamespaceMode.network(c.config.networkMode) == .bridge : (c.run == nil || c.run?.network != nil)
        if bridged {
            do { try NetworkManager().detach(containerID: id, attachment: c.run?.network, namespaceGone: initEnded) } catch { firstError = firstError ?? error }
        }
        let left = leaveUserNetworks(c)
        firstError = firstError ?? left.error
        Trace.mark("  network detached")
        store.removeRunState(id: id)
        // Once its run state is gone it is no member: peers stop resolving its name.
        refreshHosts(networkIDs: left.left)
        if removeContainer || (configRead && c.config.autoRemove), let problem = removeFiles(id: id) {
            firstError = firstError ?? RuntimeError(.failed, problem)
        }
        if let e = firstError { throw e }
        if !removeContainer && !c.config.autoRemove { try restartIfPolicySays(id: id) }
    }

    /// Removes the container's directory; returns what went wrong, if anything.
    func removeFiles(id: String) -> String? {
        let dir = store.dir(for: id)
        var problem: String? = nil
        // Another remover (a second `rm -f`, the exit command of a --rm container) may be deleting
        // the same tree: what it removes under our walk fails ours (ENOENT) while the directory
        // is still there. Walk again until it is gone (about a second at most: the other walk
        // ends by then), or the failure is our own.
        for attempt in 0..<200 {
            do { try FileManager.default.removeItem(atPath: dir); problem = nil; break } catch {
                guard FileManager.default.fileExists(atPath: dir) else { problem = nil; break }
                problem = "remove \(dir): \(error)"
                guard (error as? CocoaError)?.code == .fileNoSuchFile, attempt < 199 else { break }
                usleep(5_000)
            }
        }
        ContainerStore.removeEmptyParents(of: dir, upTo: context.root + "/containers")
        return problem
    }

    /// `namespace rm`: every container of the namespace, forced, then the namespace.
    public func removeNamespace() throws {
        var firstError: Error? = nil
        for c in store.list() {
            do { try remove(c.id, force: true) } catch { firstError = firstError ?? error }
        }
        do { try removeNetworks() } catch { firstError = firstError ?? error }
        try? FileManager.default.removeItem(atPath: store.namespaceDir)
        try? FileManager.default.removeItem(atPath: store.namespaceLock)
        try? FileManager.default.removeItem(atPath: store.runNamespaceDir)
        ContainerStore.removeEmptyParents(of: store.runNamespaceDir + "/x", upTo: context.runBase)
        if let e = firstError { throw e }
    }
}
