import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension Runtime {
    /// `create`: the container's directory and config, its name claimed; nothing runs. Its
    /// status is "created" until `start`.
    public func createOnly(_ o: RunOptions) throws -> Container {
        let image = try images.resolve(o.image)
        let config = try makeConfig(o, image: image)
        var undo = Teardown(runtime: self, id: config.id)
        do {
            let c = try create(config, undo: &undo)
            undo.disarm()
            return c
        } catch {
            undo.run()
            throw error
        }
    }

    /// `start`: runs a created or stopped container again, with its writable layer as it was
    /// left (Docker's). `attach`: in the foreground, returning the command's status; otherwise
    /// detached, returning 0 once it runs. A running container is left alone.
    public func startExisting(_ ref: String, attach: Bool, interactive: Bool = false, keepRestartCount: Bool = false,
                              started: (Container) -> Void = { _ in }) throws -> Int32 {
        var c = try store.find(ref)
        if c.isRunning { return 0 }
        // The last run's monitor may still be cleaning up (the exit is recorded, the network not yet
        // detached): a new run now would get the same veth name and lease while that clean-up
        // detaches them. Wait for it, unless this is that clean-up restarting the container by its
        // policy (`keepRestartCount`), whose monitor waits for it in turn.
        if !keepRestartCount, let run = c.run {
            _ = HostProcess.waitGone(run.monitorPid, startTime: run.monitorStartTime, timeout: 20)
            c = try store.find(ref)
            if c.isRunning { return 0 }
        }
        try FileLock(path: store.namespaceLock).withLock {
            // A start by the user: the restart policy applies again, counted from zero.
            unlink(c.dir + "/stopped-by-user")
            if !keepRestartCount { unlink(c.dir + "/restarts") }
            // What the last run left: its exit record, and a run state if its monitor died.
            unlink(c.dir + "/exit.json")
            store.removeRunState(id: c.id)
            var cfg = c.config
            cfg.detached = !attach
            cfg.interactive = cfg.interactive && (interactive || !attach)
            try AtomicFile.writeJSON(cfg, to: c.dir + "/config.json")
        }
        c = try store.load(id: c.id)
        var undo = Teardown(runtime: self, id: c.id)
        do {
            return try start(c, undo: &undo, started: started)
        } catch {
            undo.run()
            throw error
        }
    }

    /// `wait`: blocks until the container is stopped, then returns its exit status.
    public func wait(_ ref: String) throws -> Int32 {
        let c = try store.find(ref)
        var now = c
        while now.isRunning {
            if let run = now.run {
                // The monitor writes the exit record and cleans up: the status is final then.
                HostProcess.waitGone(run.monitorPid, startTime: run.monitorStartTime, timeout: 3600)
            } else {
                usleep(100_000)
            }
            guard let again = try? store.load(id: c.id) else {
                throw RuntimeError.notFound(.container, ref, "no container \(ref)")
            }
            now = again
        }
        return now.exit?.exitCode ?? 0
    }

    /// `rename`: a new name for a container, checked and claimed under the namespace lock.
    public func rename(_ ref: String, to newName: String) throws {
        let c = try store.find(ref)
        let name = try Self.validName(newName)
        try FileLock(path: store.namespaceLock).withLock {
            if c.config.name == name {
                throw RuntimeError.refused(.invalidArgument, "container \(c.id) is already named \(name)", operation: "rename container", reference: name)
            }
            if let other = store.list().first(where: { $0.config.name == name }) {
                throw RuntimeError.refused(.conflict, "container name \"/\(name)\" is already in use by container \"\(other.id)\"", operation: "claim name", reference: name)
            }
            var cfg = try store.load(id: c.id).config
            cfg.name = name
            try AtomicFile.writeJSON(cfg, to: c.dir + "/config.json")
        }
    }
}
