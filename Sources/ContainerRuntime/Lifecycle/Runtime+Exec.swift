import CRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension Runtime {
    /// Runs a command inside a running container. Foreground: returns its exit status; the
    /// command dies with this process. Detached: returns 0 once it started.
    public func exec(_ ref: String, _ o: ExecOptions) throws -> Int32 {
        let c = try store.find(ref)
        guard c.isRunning, let run = c.run else {
            throw RuntimeError.refused(.notRunning, "container \(c.id) is not running", operation: "exec", reference: ref)
        }
        if let cgroup = run.cgroup, CgroupLiveChanges.isFrozen(cgroup) {
            // A new process is frozen the moment it joins: the command would never start.
            throw RuntimeError.refused(.conflict, "container \(c.id) is paused", operation: "exec", reference: ref)
        }
        guard !o.command.isEmpty else {
            throw RuntimeError(.invalidArgument, "exec needs a command to run", operation: "exec arguments")
        }
        let cfg = c.config
        var uid = cfg.uid, gid = cfg.gid, gids = cfg.additionalGids, home = cfg.home
        if let u = o.user {
            let user = try UserResolver(lowerDirs: [c.upperDir] + cfg.lowerDirs).resolve(u)
            uid = user.uid; gid = user.gid; gids = user.additionalGids; home = user.home
        }
        let env = processEnv(cfg, home: home, extra: o.env, tty: o.tty)
        if let w = o.workingDir, !w.hasPrefix("/") {
            throw RuntimeError.refused(.invalidArgument, "the working directory '\(w)' is invalid, it needs to be an absolute path")
        }
        try ChildSpec.validate(o.command + env, what: "command or environment")
        var spec = ChildSpec()
        spec.add(ISOLAB_SPEC_ARG, o.command)
        spec.add(ISOLAB_SPEC_ENV, env)
        spec.add(ISOLAB_SPEC_CWD, o.workingDir ?? (cfg.workingDir.isEmpty ? "/" : cfg.workingDir))
        spec.add(ISOLAB_SPEC_TARGET, String(run.pid))
        spec.add(ISOLAB_SPEC_CGROUP, run.cgroup?.joinFiles ?? [])
        spec.add(ISOLAB_SPEC_CAPS, cfg.capabilities.libcapText)
        try spec.addSeccomp(cfg)
        spec.add(ISOLAB_SPEC_BOUNDING, cfg.capabilities.libcapText)
        spec.add(ISOLAB_SPEC_UID, String(uid))
        spec.add(ISOLAB_SPEC_GID, String(gid))
        for g in gids { spec.add(ISOLAB_SPEC_GID_ADD, String(g)) }
        spec.add(ISOLAB_SPEC_PRIVILEGED, cfg.privileged)
        spec.add(ISOLAB_SPEC_NNP, cfg.noNewPrivileges)
        spec.add(ISOLAB_SPEC_DETACH, o.detach)
        spec.add(ISOLAB_SPEC_STDIN, o.interactive)
        spec.add(ISOLAB_SPEC_TTY, o.tty)

        var buf = [CChar](repeating: 0, count: 1024)
        var code: Int32 = 0
        var bytes = spec.data.map { CChar(bitPattern: $0) }
        let status = bytes.withUnsafeMutableBufferPointer { b in
            isolab_exec(b.baseAddress, b.count, &buf, buf.count, &code)
        }
        if status < 0 {
            let msg = String(cString: buf)
            if code == 126 || code == 127 {
                throw RuntimeError(.cannotExecute(code), "exec: cannot start the process: \(msg)", operation: "exec", cause: msg)
            }
            throw RuntimeError.refused(.failed, "exec failed: \(msg)", operation: "exec", reference: ref, cause: msg)
        }
        return status
    }
}
