import CRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension Runtime {
    /// The spec the monitor's child applies: everything decided here, before clone.
    func childSpec(for c: Container, cgroup: CgroupPlacement) throws -> ChildSpec {
        let cfg = c.config
        let env = processEnv(cfg, home: cfg.home)
        try ChildSpec.validate(cfg.args + env, what: "command or environment")
        var spec = ChildSpec()
        spec.add(ISOLAB_SPEC_ARG, cfg.args)
        spec.add(ISOLAB_SPEC_ENV, env)
        spec.add(ISOLAB_SPEC_CWD, cfg.workingDir.isEmpty ? "/" : cfg.workingDir)
        spec.add(ISOLAB_SPEC_HOSTNAME, cfg.hostname)
        spec.add(ISOLAB_SPEC_ROOTFS, c.mergedDir)
        spec.add(ISOLAB_SPEC_LOWER, cfg.lowerDirs)
        spec.add(ISOLAB_SPEC_UPPER, c.upperDir)
        spec.add(ISOLAB_SPEC_WORK, c.workDir)
        for (src, dst) in [("hostname", "/etc/hostname"), ("hosts", "/etc/hosts"), ("resolv.conf", "/etc/resolv.conf")] {
            spec.add(ISOLAB_SPEC_BIND, c.dir + "/" + src + "\u{1f}" + dst + "\u{1f}" + (cfg.readOnly ? "ro" : "rw"))
        }
        for m in cfg.mounts ?? [] {
            switch m.kind {
            case .bind: spec.add(ISOLAB_SPEC_BIND, m.source + "\u{1f}" + m.target + "\u{1f}" + (m.readOnly ? "ro" : "rw"))
            case .tmpfs: spec.add(ISOLAB_SPEC_TMPFS, m.target + "\u{1f}" + ([m.readOnly ? "ro" : ""] + [m.options]).filter { !$0.isEmpty }.joined(separator: ","))
            }
        }
        spec.add(ISOLAB_SPEC_CGROUP, cgroup.joinFiles)
        spec.add(ISOLAB_SPEC_CAPS, cfg.capabilities.libcapText)
        try spec.addSeccomp(cfg)
        spec.add(ISOLAB_SPEC_BOUNDING, cfg.capabilities.libcapText)
        spec.add(ISOLAB_SPEC_UID, String(cfg.uid))
        spec.add(ISOLAB_SPEC_GID, String(cfg.gid))
        for g in cfg.additionalGids { spec.add(ISOLAB_SPEC_GID_ADD, String(g)) }
        spec.add(ISOLAB_SPEC_READONLY, cfg.readOnly)
        spec.add(ISOLAB_SPEC_PRIVILEGED, cfg.privileged)
        spec.add(ISOLAB_SPEC_NNP, cfg.noNewPrivileges)
        spec.add(ISOLAB_SPEC_DETACH, cfg.detached)
        spec.add(ISOLAB_SPEC_TTY, cfg.tty)
        spec.add(ISOLAB_SPEC_INIT, cfg.initProcess)
        spec.add(ISOLAB_SPEC_STDIN, cfg.interactive)
        if let streams = cfg.attachStreams {
            spec.add(ISOLAB_SPEC_ATTACH, String((streams.contains("stdout") ? 1 : 0) | (streams.contains("stderr") ? 2 : 0)))
        }
        var newNS = ["mnt", "uts", "cgroup"]
        if let shm = try addNamespace(.ipc, of: cfg, to: &newNS, spec: &spec) { spec.add(ISOLAB_SPEC_SHM, shm) }
        _ = try addNamespace(.pid, of: cfg, to: &newNS, spec: &spec)
        _ = try addNamespace(.net, of: cfg, to: &newNS, spec: &spec)
        spec.add(ISOLAB_SPEC_NS, newNS.joined(separator: ","))
        spec.add(ISOLAB_SPEC_CGROUPFS, try Self.cgroupfsMounts())
        spec.add(ISOLAB_SPEC_LOG, c.logPath)
        spec.add(ISOLAB_SPEC_ATTACHSOCK, c.runDir + "/attach.sock")
        spec.add(ISOLAB_SPEC_EXITFILE, c.dir + "/exit.json")
        spec.add(ISOLAB_SPEC_DIAG, c.dir + "/monitor.log")
        spec.add(ISOLAB_SPEC_REAPER, c.dir + "/" + Self.reaperFile)
        spec.add(ISOLAB_SPEC_EXITCMD, exitCommand(for: cfg.id))
        return spec
    }

    /// What the child mounts at /sys/fs/cgroup: the unified hierarchy, or each v1 hierarchy
    /// with the options that name it ("cpu", "name=systemd").
    static func cgroupfsMounts() throws -> [String] {
        let host = try Cgroups.host()
        if case .v2 = host.mode { return ["cgroup2"] }
        return host.mounts.filter { $0.fsType == "cgroup" }.compactMap { m in
            let dir = PathName.last(m.mountPoint)
            let opts = m.superOptions.filter { !["rw", "ro"].contains($0) && !$0.hasPrefix("release_agent") }
            return opts.isEmpty || dir.isEmpty ? nil : dir + ":" + opts.joined(separator: ",")
        }
    }

    /// Docker's PATH for a container whose image and flags set none (an imported rootfs has no
    /// Env): the daemon's `oci.DefaultPathEnv`.
    static let defaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    /// The environment of one process: the config's, plus PATH, HOSTNAME, HOME and TERM as Docker
    /// adds them, unless the image or the user set them. PATH comes first, as in Docker's.
    func processEnv(_ cfg: ContainerConfig, home: String, extra: [String] = [], tty: Bool? = nil) -> [String] {
        var env = Self.mergeEnv(cfg.env, extra)
        if !env.contains(where: { $0.hasPrefix("PATH=") }) { env.insert("PATH=" + Self.defaultPath, at: 0) }
        func setDefault(_ key: String, _ value: String) {
            if !env.contains(where: { $0.hasPrefix(key + "=") }) { env.append(key + "=" + value) }
        }
        setDefault("HOSTNAME", cfg.hostname)
        setDefault("HOME", home)
        if tty ?? cfg.tty { setDefault("TERM", "xterm") }
        return env
    }

    /// Adds a namespace to create, or the one to join; returns the /dev/shm to share, if any
    /// (the host's, for --ipc host).
    func addNamespace(_ kind: NamespaceMode.Kind, of cfg: ContainerConfig,
                      to newNS: inout [String], spec: inout ChildSpec) throws -> String? {
        switch try cfg.namespace(kind) {
        case .private, .shareable:
            newNS.append(kind.rawValue)
            return nil
        case .host:
            return kind == .ipc ? "/dev/shm" : nil
        case .container(let ref):
            let other = try store.find(ref)
            guard other.isRunning, let pid = other.run?.pid else {
                throw RuntimeError.refused(.invalidArgument, "cannot join \(kind.rawValue) namespace of a non running container: \(other.config.name)")
            }
            if try kind == .ipc && !other.config.namespace(.ipc).isShareable {
                throw RuntimeError.refused(.invalidArgument, "cannot join IPC of a non-shareable container: \(other.config.name)")
            }
            let joinKey: ChildSpec.Key = switch kind {
            case .ipc: ISOLAB_SPEC_JOIN_IPC
            case .pid: ISOLAB_SPEC_JOIN_PID
            case .net: ISOLAB_SPEC_JOIN_NET
            }
            spec.add(joinKey, "/proc/\(pid)/ns/\(kind.rawValue)")
            // System V IPC is the namespace's and is shared. The donor's /dev/shm lives only in
            // its own mount namespace, which the kernel will not bind from: the joiner gets its own.
            return nil
        }
    }

    /// /etc/resolv.conf: the host's, without loopback resolvers (a container reaches only the
    /// host and its peers); with --network host, the host's as it is.
    func resolvConf(for cfg: ContainerConfig) throws -> String {
        let host = Self.smallText("/etc/resolv.conf")
        if try cfg.namespace(.net) == .host { return host }
        let kept = host.split(separator: "\n").filter { line in
            !(line.hasPrefix("nameserver") && (line.contains(" 127.") || line.contains(" ::1")))
        }
        return kept.joined(separator: "\n") + "\n"
    }

    /// /etc/hosts: Docker's defaults and the container's address; the host's own file with
    /// --network host, the donor's with --network container:NAME.
    func hostsFile(for cfg: ContainerConfig, address: String?) throws -> String {
        switch try cfg.namespace(.net) {
        case .host: return Self.smallText("/etc/hosts")
        case .container(let ref): return Self.smallText(try store.find(ref).dir + "/hosts")
        case .private, .shareable: break
        }
        var s = "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n"
        if let a = address { s += "\(a)\t\(cfg.hostname)\n" }
        return s
    }

    /// A host file copied into the container (resolv.conf, hosts): "" when missing, unreadable
    /// or over 1 MiB (such a file is not one the container should get).
    static func smallText(_ path: String) -> String {
        (try? FileIO.read(path, limit: 1 << 20)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
