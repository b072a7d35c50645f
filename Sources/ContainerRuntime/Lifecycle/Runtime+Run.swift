import CRuntime
import Foundation
#if canImport(Glibc)
import Glibc
#endif

nonisolated(unsafe) private var foregroundMonitorPid: pid_t = 0

extension Runtime {
    /// Creates and starts a container. Detached: returns 0 once its command has been exec'd and
    /// calls `started` with it. Foreground: waits and returns the command's exit status.
    public func run(_ o: RunOptions, started: (Container) -> Void) throws -> Int32 {
        let image = try images.resolve(o.image)
        let config = try makeConfig(o, image: image)
        let c = try create(config)
        var undo = Teardown(runtime: self, container: c)
        do {
            let code = try start(c, undo: &undo, started: started)
            return code
        } catch {
            undo.run()
            throw error
        }
    }

    /// Writes the container's directory and config, claiming its name under the namespace lock.
    func create(_ config: ContainerConfig) throws -> Container {
        try FileLock.withLock(store.namespaceLock) {
            if let other = store.list().first(where: { $0.config.name == config.name }) {
                throw RuntimeError(.conflict, "Error response from daemon: Conflict. The container name \"/\(config.name)\" is already in use by container \"\(other.id)\". You have to remove (or rename) that container to be able to reuse that name.")
            }
            let dir = store.dir(for: config.id)
            for sub in ["upper", "work", "merged"] { try ContainerStore.makeDirectory(dir + "/" + sub) }
            try Data(config.hostname.utf8 + [10]).write(to: URL(fileURLWithPath: dir + "/hostname"))
            try Data(Self.resolvConf().utf8).write(to: URL(fileURLWithPath: dir + "/resolv.conf"))
            try Data(Self.hosts(hostname: config.hostname, address: nil).utf8).write(to: URL(fileURLWithPath: dir + "/hosts"))
            FileManager.default.createFile(atPath: dir + "/log", contents: nil)
            try AtomicFile.writeJSON(config, to: dir + "/config.json")
        }
        return try store.load(id: config.id)
    }

    private func start(_ c: Container, undo: inout Teardown, started: (Container) -> Void) throws -> Int32 {
        let cfg = c.config
        let cgroup = try Cgroups.manager().create(containerID: cfg.id, limits: cfg.limits)
        undo.cgroup = cgroup

        var spec = ChildSpec()
        try ChildSpec.validate(cfg.args + cfg.env, what: "command or environment")
        spec.add("arg", cfg.args)
        spec.add("env", cfg.env)
        spec.add("cwd", cfg.workingDir.isEmpty ? "/" : cfg.workingDir)
        spec.add("hostname", cfg.hostname)
        spec.add("rootfs", c.mergedDir)
        spec.add("lower", cfg.lowerDirs)
        spec.add("upper", c.upperDir)
        spec.add("work", c.workDir)
        for (src, dst) in [("hostname", "/etc/hostname"), ("hosts", "/etc/hosts"), ("resolv.conf", "/etc/resolv.conf")] {
            spec.add("bind", c.dir + "/" + src + "\u{1f}" + dst + "\u{1f}" + (cfg.readOnly ? "ro" : "rw"))
        }
        spec.add("cgroup", cgroup.procsFiles)
        spec.add("caps", cfg.capabilities.libcapText)
        spec.add("bounding", cfg.capabilities.libcapText)
        spec.add("uid", String(cfg.uid))
        spec.add("gid", String(cfg.gid))
        for g in cfg.additionalGids { spec.add("gid.add", String(g)) }
        spec.add("readonly", cfg.readOnly)
        spec.add("privileged", cfg.privileged)
        spec.add("nnp", cfg.noNewPrivileges)
        spec.add("detach", cfg.detached)
        spec.add("tty", cfg.tty)
        spec.add("init", cfg.initProcess)
        var newNS = ["mnt", "uts", "cgroup"]
        try addNamespace("ipc", mode: cfg.ipcMode, private: ["private", "shareable"], to: &newNS, spec: &spec)
        try addNamespace("pid", mode: cfg.pidMode, private: [""], to: &newNS, spec: &spec)
        try addNamespace("net", mode: cfg.networkMode, private: ["bridge", "none"], to: &newNS, spec: &spec)
        spec.add("ns", newNS.joined(separator: ","))
        spec.add("log", c.logPath)
        spec.add("exitfile", c.dir + "/exit.json")
        spec.add("diag", c.dir + "/monitor.log")
        spec.add("exitcmd", exitCommand(for: cfg.id))

        try ContainerStore.makeDirectory(c.runDir)
        undo.runState = true
        let specPath = c.runDir + "/spec"
        try AtomicFile.write(spec.data, to: specPath, mode: 0o600)

        var sv: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &sv) == 0 else {
            throw RuntimeError.errno("socketpair")
        }
        defer { close(sv[0]) }
        let argv = [monitorExecutable, "--spec", specPath, "--sync-fd", String(sv[1])]
        let monitor = SpawnedProcess.spawn(argv, keepFD: sv[1])
        close(sv[1])
        guard monitor > 0 else { throw RuntimeError(.system(errno: -monitor), "start \(monitorExecutable): \(String(cString: strerror(-monitor)))") }
        undo.monitorPid = monitor
        if !cfg.detached { foregroundMonitorPid = monitor }

        let sync = LineChannel(fd: sv[0])
        let first = sync.readLine()
        guard first.hasPrefix("pid "), let pid = Int32(first.dropFirst(4)) else {
            throw Self.monitorError(first, monitor: monitor)
        }
        undo.childPid = pid
        var state = ContainerRunState(pid: pid, pidStartTime: HostProcess.startTime(pid) ?? 0,
                                      monitorPid: monitor, monitorStartTime: HostProcess.startTime(monitor) ?? 0,
                                      startedAt: Date(), cgroup: cgroup, network: nil)
        try store.writeRunState(state, id: cfg.id)
        if cfg.networkMode == "bridge" {
            undo.network = true
            let att = try NetworkManager().attach(containerID: cfg.id, pid: pid)
            state.network = att
            try store.writeRunState(state, id: cfg.id)
            try Data(Self.hosts(hostname: cfg.hostname, address: att.ipAddress).utf8)
                .write(to: URL(fileURLWithPath: c.dir + "/hosts"))
        }
        unlink(specPath)
        sync.writeLine("go")
        let answer = sync.readLine()
        guard answer == "ok" else { throw Self.monitorError(answer, monitor: monitor) }
        undo.disarm()
        let running = (try? store.load(id: cfg.id)) ?? c
        started(running)
        if cfg.detached { return 0 }

        // Foreground: the monitor's exit status is the command's; its exit command cleans up.
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(sig) { s in if foregroundMonitorPid > 0 { Glibc.kill(foregroundMonitorPid, s) } }
        }
        let code = isolab_wait_status(monitor, nil)
        foregroundMonitorPid = 0
        return code < 0 ? 125 : code
    }

    private func addNamespace(_ kind: String, mode: String, private privateModes: [String],
                              to newNS: inout [String], spec: inout ChildSpec) throws {
        if privateModes.contains(mode) { newNS.append(kind); return }
        if mode == "host" { return }
        if mode.hasPrefix("container:") {
            let other = try store.find(String(mode.dropFirst("container:".count)))
            guard other.isRunning, let pid = other.run?.pid else {
                throw RuntimeError(.invalidArgument, "Error response from daemon: cannot join \(kind) namespace of a non running container: \(other.config.name)")
            }
            if kind == "ipc" && other.config.ipcMode == "private" {
                throw RuntimeError(.invalidArgument, "Error response from daemon: cannot join IPC of a non-shareable container: \(other.config.name)")
            }
            spec.add("join." + kind, "/proc/\(pid)/ns/\(kind)")
            return
        }
        throw RuntimeError(.invalidArgument, "Error response from daemon: invalid \(kind) mode: \(mode)")
    }

    static func monitorError(_ line: String, monitor: pid_t) -> RuntimeError {
        if line.hasPrefix("err ") {
            let rest = line.dropFirst(4)
            let parts = rest.split(separator: "\t", maxSplits: 1)
            let code = Int32(parts.first ?? "") ?? 125
            let msg = parts.count > 1 ? String(parts[1]) : String(rest)
            if code == 126 || code == 127 {
                return RuntimeError(.cannotExecute(code), "docker: Error response from daemon: failed to create task for container: OCI runtime create failed: unable to start container process: \(msg): unknown.")
            }
            return RuntimeError(.failed, "docker: Error response from daemon: failed to start container: \(msg)")
        }
        let status = isolab_wait_status(monitor, nil)
        return RuntimeError(.failed, "docker: Error response from daemon: the container monitor exited (status \(status)) before the container started")
    }

    static func resolvConf() -> String {
        // Containers reach only the host and each other, so loopback resolvers are dropped.
        let host = (try? String(contentsOfFile: "/etc/resolv.conf", encoding: .utf8)) ?? ""
        let kept = host.split(separator: "\n").filter { line in
            !(line.hasPrefix("nameserver") && (line.contains(" 127.") || line.contains(" ::1")))
        }
        return kept.joined(separator: "\n") + "\n"
    }

    static func hosts(hostname: String, address: String?) -> String {
        var s = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n"
        if let a = address { s += "\(a)\t\(hostname)\n" }
        return s
    }
}
