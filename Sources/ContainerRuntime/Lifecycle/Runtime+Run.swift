import CRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

nonisolated(unsafe) private var foregroundMonitorPid: pid_t = 0
/// Set by SIGINT/SIGTERM/SIGHUP while a container is being started: the start is undone at
/// the next step instead of leaving half a container behind.
nonisolated(unsafe) private var startInterrupted: Int32 = 0

extension Runtime {
    /// Creates and starts a container. Detached: returns 0 once its command has been exec'd and
    /// calls `started` with it. Foreground: waits and returns the command's exit status.
    public func run(_ o: RunOptions, started: (Container) -> Void) throws -> Int32 {
        let image = try images.resolve(o.image)
        Trace.mark("image resolve")
        let config = try makeConfig(o, image: image)
        Trace.mark("config")
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig) { s in startInterrupted = s } }
        var undo = Teardown(runtime: self, id: config.id)
        do {
            let c = try create(config, undo: &undo)
            Trace.mark("state (lock, dirs, files)")
            return try start(c, undo: &undo, started: started)
        } catch {
            if case .cannotExecute = (error as? RuntimeError)?.kind, !config.autoRemove {
                undo.keepContainer = true   // Docker leaves it "Created", its name taken
            }
            undo.run()
            throw error
        }
    }

    private func checkInterrupted() throws {
        if startInterrupted != 0 {
            throw RuntimeError(.failed, "interrupted (signal \(startInterrupted)) while starting the container; it was removed")
        }
    }

    /// Writes the container's directory and config, claiming its name under the namespace lock:
    /// a generated name is picked there too, against the names of that moment, so two unnamed
    /// runs can never pick the same one.
    func create(_ proposed: ContainerConfig, undo: inout Teardown) throws -> Container {
        var config = proposed
        try FileLock(path: store.namespaceLock).withLock {
            let existing = store.names()
            if config.name.isEmpty {
                config.name = NameGenerator.pick(taken: Set(existing.map { $0.name }), id: config.id)
            } else if let other = existing.first(where: { $0.name == config.name }) {
                throw RuntimeError.refused(.conflict, "container name \"/\(config.name)\" is already in use by container \"\(other.id)\"", operation: "claim name", reference: config.name)
            }
            let dir = store.dir(for: config.id)
            undo.files = true
            for sub in ["upper", "work", "merged"] { try ContainerStore.makeDirectory(dir + "/" + sub) }
            // The directory is new and config.json, which readers look for first, comes last.
            try FileIO.create(Data((config.hostname + "\n").utf8), at: dir + "/hostname")
            try FileIO.create(Data(try resolvConf(for: config).utf8), at: dir + "/resolv.conf")
            try FileIO.create(Data(try hostsFile(for: config, address: nil).utf8), at: dir + "/hosts")
            try FileIO.create(Data(), at: dir + "/log", mode: 0o640)
            // Atomic but not flushed: no fsync on the start path. After a power loss a config
            // that did not reach the disk reads as broken, and `rm` removes it.
            try AtomicFile.writeJSON(config, to: dir + "/config.json", durable: false)
        }
        return try store.load(id: config.id)
    }

    func start(_ c: Container, undo: inout Teardown, started: (Container) -> Void) throws -> Int32 {
        let cfg = c.config
        try checkInterrupted()
        let cgroup = try Cgroups.manager().create(containerID: cfg.id, limits: cfg.limits)
        undo.cgroup = cgroup
        Trace.mark("cgroups")

        var spec = try childSpec(for: c, cgroup: cgroup)
        try ContainerStore.makeDirectory(c.runDir)
        undo.runState = true
        let specPath = c.runDir + "/spec"
        try AtomicFile.write(spec.data, to: specPath, mode: 0o600, durable: false)
        spec = ChildSpec()   // it holds the environment: keep it no longer than needed
        Trace.mark("spec")

        var sv: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &sv) == 0 else {
            throw RuntimeError.errno("socketpair")
        }
        defer { close(sv[0]) }
        // The monitor keeps the client's stdio (a foreground container's output goes there) and
        // the sync socket, nothing else.
        let arguments = ["--spec", specPath, "--sync-fd", String(ChildProcess.passedDescriptor)]
        let monitorProcess: ChildProcess
        do {
            defer { close(sv[1]) }
            monitorProcess = try ChildProcess.spawn(monitorExecutable, arguments, stdin: .inherit, passing: sv[1])
        } catch let error as RuntimeError {
            // posix_spawn reports a monitor that cannot be executed (missing, not executable).
            throw RuntimeError.errno("start", monitorExecutable, error.errno ?? EIO)
        }
        let monitor = monitorProcess.pid
        undo.monitorPid = monitor
        if !cfg.detached { foregroundMonitorPid = monitor }

        let sync = LineChannel(fd: sv[0])
        let first = sync.readLine()
        guard first.hasPrefix("pid "), let pid = Int32(first.dropFirst(4)), pid > 0 else {
            unlink(specPath)
            throw Self.monitorError(first, monitor: monitorProcess, path: monitorExecutable)
        }
        unlink(specPath)
        undo.childPid = pid
        Trace.mark("monitor spawn to clone")
        let startedAt = Date()
        var state = ContainerRunState(pid: pid, pidStartTime: HostProcess.startTime(pid) ?? 0,
                                      monitorPid: monitor, monitorStartTime: HostProcess.startTime(monitor) ?? 0,
                                      startedAt: startedAt, cgroup: cgroup, network: nil)
        try store.writeRunState(state, id: cfg.id)
        try AtomicFile.write(Data(String(startedAt.timeIntervalSince1970).utf8), to: c.dir + "/started", durable: false)
        Trace.mark("run state")
        try checkInterrupted()
        switch NamespaceMode.network(cfg.networkMode) {
        case .bridge?:
            undo.network = true
            let att = try NetworkManager().attach(containerID: cfg.id, pid: pid)
            state.network = att
            try store.writeRunState(state, id: cfg.id)
            // In place: the init has bind-mounted it already (it prepares its mounts before `go`).
            try Self.rewriteInPlace(c.dir + "/hosts", try hostsFile(for: cfg, address: att.ipAddress))
        case .user?:
            let att = try joinUserNetwork(cfg, pid: pid, undo: &undo)
            state.network = att
            try store.writeRunState(state, id: cfg.id)
            // Its own file and its peers': they resolve each other by name from now on.
            refreshHosts(networkIDs: [att.networkID ?? ""])
        case .loopbackOnly?, nil:
            break   // none: the loopback only; host or container:NAME: a namespace already set up
        }
        Trace.mark("network")
        try checkInterrupted()
        // "go cleanup": a foreground client cleans up itself after the exit (it is loaded
        // already; the monitor's exit command would be a second isolab process).
        guard sync.writeLine(cfg.detached ? "go" : "go cleanup") else { throw Self.monitorError("", monitor: monitorProcess, path: monitorExecutable) }
        let answer = sync.readLine()
        guard answer == "ok" else { throw Self.monitorError(answer, monitor: monitorProcess, path: monitorExecutable) }
        undo.disarm()
        Trace.mark("go to exec")
        let running = (try? store.load(id: cfg.id)) ?? c
        started(running)
        if cfg.detached {
            for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, SIG_DFL) }
            return 0
        }
        // Foreground: signals go to the container (through its monitor); the monitor's exit
        // status is the command's, and its exit command has cleaned up when it ends.
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH] {
            signal(sig) { s in if foregroundMonitorPid > 0 { Glibc.kill(foregroundMonitorPid, s) } }
        }
        if startInterrupted != 0 { Glibc.kill(monitor, startInterrupted) }
        // "exit N" once the container ended and its exit is recorded; "done" tells the monitor
        // its exit command is not needed. A failed clean-up (or a client killed meanwhile) says
        // nothing, and the monitor runs its exit command as before.
        if sync.readLine().hasPrefix("exit ") {
            Trace.mark("wait (container ran)")
            if (try? cleanup(id: cfg.id)) != nil { sync.writeLine("done") }
            Trace.mark("clean-up")
        }
        shutdown(sv[0], Int32(SHUT_RDWR))
        let code = monitorProcess.waitCode()
        Trace.mark("monitor exit")
        foregroundMonitorPid = 0
        return code < 0 ? 125 : code
    }

    static func monitorError(_ line: String, monitor: ChildProcess, path: String) -> RuntimeError {
        if line.hasPrefix("err ") {
            let rest = line.dropFirst(4)
            let parts = rest.split(separator: "\t", maxSplits: 1)
            let code = Int32(parts.first ?? "") ?? 125
            let msg = parts.count > 1 ? String(parts[1]) : String(rest)
            if code == 126 || code == 127 {
                return RuntimeError(.cannotExecute(code), "cannot start the container's process: \(msg)", source: .request, operation: "start", cause: msg)
            }
            return RuntimeError(.failed, "failed to start container: \(msg)", source: .request, operation: "start", cause: msg)
        }
        // (One that cannot be executed at all fails in posix_spawn, with its errno: see start.)
        let status = monitor.waitCode()
        return RuntimeError(.failed, "the container monitor \(path) exited with status \(status) before the container started", source: .request, operation: "start")
    }
}
