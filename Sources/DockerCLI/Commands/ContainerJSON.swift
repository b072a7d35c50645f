import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Docker-shaped views of a container: `inspect`'s JSON and `ps`'s template fields.
enum ContainerJSON {
    static let zeroTime = "0001-01-01T00:00:00Z"

    /// Go's RFC3339Nano in UTC: up to nine digits of fraction, trailing zeros dropped.
    /// A time beyond ±3,000 years of 1970 (or not a number: a damaged record) is Go's zero
    /// time, as Int64() of it would trap.
    static func rfc3339Nano(_ seconds: Double) -> String {
        guard seconds.isFinite, abs(seconds) < 1e11 else { return zeroTime }
        let whole = seconds.rounded(.down)
        let nanos = Int(((seconds - whole) * 1e9).rounded())
        var s = LogTimestamp.format(seconds: Int64(whole) + Int64(nanos / 1_000_000_000), nanos: nanos % 1_000_000_000)
        // "....123456789Z" → trim zeros of the fraction, and the dot if nothing is left.
        s.removeLast()
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s + "Z"
    }
    static func rfc3339Nano(_ d: Date) -> String { rfc3339Nano(d.timeIntervalSince1970) }

    /// A running container whose cgroup is frozen (`pause`).
    static func isPaused(_ c: Container) -> Bool {
        guard c.isRunning, let cg = c.run?.cgroup else { return false }
        return CgroupLiveChanges.isFrozen(cg)
    }

    static func stateString(_ c: Container) -> String {
        switch c.status {
        case .running: return isPaused(c) ? "paused" : "running"
        case .exited: return "exited"
        case .dead: return "dead"
        case .created: return "created"
        }
    }

    /// `inspect` of a container, its keys in Docker's order (moby's ContainerJSON). Fields
    /// Docker leaves out when empty (`State.Health`, `Config.ExposedPorts`) are there for
    /// templates only, as Go's typed view has them (`<nil>`, `map[]`).
    static func inspect(_ c: Container, startedAt: Date? = nil) -> JSONObject {
        let cfg = c.config
        let exitCode = c.exit?.exitCode ?? (c.status == .dead ? 255 : 0)
        let finished = c.exit.map { rfc3339Nano($0.finishedAt) } ?? zeroTime
        var error = c.status == .dead ? "the container's monitor ended without recording an exit status" : ""
        if let problem = c.broken { error = problem }
        var state = JSONObject([
            "Status": stateString(c), "Running": c.isRunning, "Paused": isPaused(c), "Restarting": false,
            "OOMKilled": !c.isRunning && (c.exit?.oomKilled ?? false), "Dead": c.status == .dead,
            "Pid": c.isRunning ? Int(c.run?.pid ?? 0) : 0,
            "ExitCode": Int(c.isRunning ? 0 : exitCode),
            "Error": error,
            "StartedAt": c.run.map { rfc3339Nano($0.startedAt) } ?? (startedAt.map { rfc3339Nano($0) } ?? zeroTime),
            "FinishedAt": c.isRunning ? zeroTime : finished,
        ])
        state.set("Health", JSONNull(), hiddenInJSON: true)
        // The top-level address fields are the default bridge's only, as Docker's.
        let net = c.run?.network?.networkID == nil ? c.run?.network : nil
        let ip = c.isRunning ? (net?.ipAddress ?? "") : ""
        let gw = c.isRunning ? (net?.gateway ?? "") : ""
        let prefix = c.isRunning ? (net?.prefixLength ?? 0) : 0
        let mac = c.isRunning ? (net?.macAddress ?? "") : ""
        var networks: [String: Any] = [:]
        if NamespaceMode(cfg.networkMode, kind: .net)?.donor == nil {
            networks[cfg.networkMode] = JSONObject([
                "IPAMConfig": JSONNull(), "Links": JSONNull(), "Aliases": JSONNull(), "MacAddress": mac,
                "NetworkID": net?.bridge ?? "", "EndpointID": "", "Gateway": gw, "IPAddress": ip, "IPPrefixLen": prefix,
            ])
        }
        let userNetwork: Bool = if case .user? = NamespaceMode.network(cfg.networkMode) { true } else { false }
        if userNetwork && !c.isRunning {
            networks[cfg.networkMode] = JSONObject([
                "IPAMConfig": JSONNull(), "Links": JSONNull(), "Aliases": cfg.networkAliases ?? JSONNull() as Any, "MacAddress": "",
                "NetworkID": "", "EndpointID": "", "Gateway": "", "IPAddress": "", "IPPrefixLen": 0, "DNSNames": JSONNull(),
            ])
        } else if userNetwork {
            networks[cfg.networkMode] = nil   // listed below under the name it was joined by, if still joined
        }
        for a in c.isRunning ? Runtime.attachments(c) : [] {
            guard let name = a.networkName else { continue }
            networks[name] = JSONObject([
                "IPAMConfig": JSONNull(), "Links": JSONNull(), "Aliases": a.aliases ?? JSONNull() as Any, "MacAddress": a.macAddress,
                "NetworkID": a.networkID ?? "", "EndpointID": "", "Gateway": a.gateway, "IPAddress": a.ipAddress,
                "IPPrefixLen": a.prefixLength, "DNSNames": [cfg.name] + (a.aliases ?? []) + [c.shortID],
            ])
        }
        let l = cfg.limits
        let binds = (cfg.mounts ?? []).filter { $0.kind == .bind }.map { $0.source + ":" + $0.target + ($0.options.isEmpty ? "" : ":" + $0.options) }
        var tmpfs: [String: Any] = [:]
        for m in cfg.mounts ?? [] where m.kind == .tmpfs { tmpfs[m.target] = m.options }
        var hostConfig = JSONObject([
            "Binds": binds.isEmpty ? JSONNull() : binds as Any,
            "NetworkMode": cfg.networkMode, "PortBindings": [String: Any](),
            "RestartPolicy": JSONObject(["Name": cfg.restartPolicy?.name ?? "no", "MaximumRetryCount": cfg.restartPolicy?.maximumRetryCount ?? 0]),
            "AutoRemove": cfg.autoRemove,
            "CapAdd": cfg.capAdd.isEmpty ? JSONNull() : cfg.capAdd as Any,
            "CapDrop": cfg.capDrop.isEmpty ? JSONNull() : cfg.capDrop as Any,
            "IpcMode": cfg.ipcMode, "PidMode": cfg.pidMode, "Privileged": cfg.privileged, "ReadonlyRootfs": cfg.readOnly,
            "SecurityOpt": cfg.securityOpt.isEmpty ? JSONNull() : cfg.securityOpt as Any,
            "Memory": l.memory, "NanoCpus": l.nanoCPUs, "CgroupParent": "",
            "CpuPeriod": l.cpuPeriod, "CpuQuota": l.cpuQuota, "CpuShares": l.cpuShares, "CpusetCpus": l.cpusetCpus,
            "MemorySwap": l.memorySwap != 0 || l.memory == 0 ? l.memorySwap : defaultMemorySwap(l.memory), "PidsLimit": l.pidsLimit > 0 ? l.pidsLimit as Any : JSONNull(),
            "Init": cfg.initProcess,
        ])
        if !tmpfs.isEmpty { hostConfig.set("Tmpfs", tmpfs) }
        hostConfig.set("SeccompProfile", cfg.seccompProfile)   // isolab's: which filter the container got
        var config = JSONObject([
            "Hostname": cfg.hostname, "Domainname": "", "User": cfg.user,
            "AttachStdin": cfg.interactive && !cfg.detached, "AttachStdout": !cfg.detached, "AttachStderr": !cfg.detached,
        ])
        config.set("ExposedPorts", [String: Any](), hiddenInJSON: true)
        for (k, v) in [("Tty", cfg.tty as Any), ("OpenStdin", cfg.interactive), ("StdinOnce", cfg.interactive && !cfg.detached),
                       ("Env", cfg.env), ("Cmd", cfg.cmd.isEmpty ? JSONNull() : cfg.cmd as Any), ("Image", cfg.image),
                       ("Volumes", JSONNull()), ("WorkingDir", cfg.workingDir),
                       ("Entrypoint", cfg.entrypoint.isEmpty ? JSONNull() : cfg.entrypoint as Any), ("OnBuild", JSONNull()),
                       ("Labels", cfg.labels)] {
            config.set(k, v)
        }
        var o = JSONObject([
            "Id": cfg.id, "Created": rfc3339Nano(cfg.created), "Path": cfg.args.first ?? "",
            "Args": Array(cfg.args.dropFirst()), "State": state, "Image": cfg.imageID,
            "ResolvConfPath": c.dir + "/resolv.conf", "HostnamePath": c.dir + "/hostname", "HostsPath": c.dir + "/hosts",
            "LogPath": c.logPath, "Name": "/" + cfg.name, "RestartCount": IsolabMain.runtime().restartCount(c), "Driver": "overlay2", "Platform": "linux",
            "MountLabel": "", "ProcessLabel": "", "AppArmorProfile": "", "ExecIDs": JSONNull(),
            "HostConfig": hostConfig,
            "GraphDriver": JSONObject(["Data": [
                "LowerDir": cfg.lowerDirs.joined(separator: ":"), "UpperDir": c.upperDir,
                "MergedDir": c.mergedDir, "WorkDir": c.workDir], "Name": "overlay2"]),
            "Mounts": (cfg.mounts ?? []).map { m -> Any in
                m.kind == .bind
                    ? JSONObject(["Type": "bind", "Source": m.source, "Destination": m.target, "Mode": m.options,
                                  "RW": !m.readOnly, "Propagation": "rprivate"])
                    : JSONObject(["Type": "tmpfs", "Source": "", "Destination": m.target, "Mode": m.options,
                                  "RW": !m.readOnly, "Propagation": ""])
            },
            "Config": config,
            "NetworkSettings": JSONObject([
                "Bridge": "", "SandboxID": "", "SandboxKey": c.run.map { "/proc/\($0.pid)/ns/net" } ?? "",
                "Ports": [String: Any](), "EndpointID": "", "Gateway": gw, "IPAddress": ip, "IPPrefixLen": prefix,
                "MacAddress": mac, "Networks": networks,
            ]),
        ])
        // isolab's own, after Docker's: the namespace and the capability set the container got.
        o.set("Namespace", cfg.namespace)
        o.set("Capabilities", cfg.capabilities.names)
        return o
    }

    /// Docker's default swap limit, twice the memory limit; -1 (unlimited) when that overflows,
    /// as ConfigValidator records it (a config.json may hold any Int64).
    static func defaultMemorySwap(_ memory: Int64) -> Int64 {
        let (doubled, overflow) = memory.multipliedReportingOverflow(by: 2)
        return overflow ? -1 : doubled
    }

    static func status(_ c: Container, now: Date = Date()) -> String {
        if let record = c.brokenRecord {
            let how = c.isRunning ? "Up " + ImageDisplay.humanDuration(now.timeIntervalSince(c.run?.startedAt ?? c.config.created)) : "Dead"
            return how + " (broken: \(record) unreadable)"
        }
        switch c.status {
        case .running:
            return "Up " + ImageDisplay.humanDuration(now.timeIntervalSince(c.run?.startedAt ?? c.config.created)) + (isPaused(c) ? " (Paused)" : "")
        case .exited:
            let when = c.exit.map { Date(timeIntervalSince1970: $0.finishedAt) } ?? now
            return "Exited (\(c.exit?.exitCode ?? 0)) " + ImageDisplay.createdSince(when, now: now)
        case .dead: return "Dead"
        case .created: return "Created"
        }
    }

    /// `ps --format` fields, as Docker names them.
    static func psFields(_ c: Container, truncate trunc: Bool = true) -> [String: Any] {
        // moby's list: the path, then the arguments, those with a space in single quotes;
        // docker/cli truncates to 20 and quotes it as Go's strconv.Quote.
        let args = c.config.args.dropFirst().map { $0.contains(" ") ? "'\($0)'" : $0 }
        let cmd = ([c.config.args.first ?? ""] + args).joined(separator: " ")
        return [
            "ID": c.shortID, "Image": c.config.image, "Command": JSONText.quote(trunc ? truncate(cmd, 20) : cmd),
            "CreatedAt": goTimeString(c.config.created), "RunningFor": ImageDisplay.createdSince(c.config.created),
            "Ports": "", "State": stateString(c), "Status": status(c), "Names": c.config.name,
            "Labels": c.config.labels.keys.sorted().map { "\($0)=\(c.config.labels[$0] ?? "")" }.joined(separator: ","),
            "Mounts": "", "Networks": c.config.networkMode, "Size": "0B", "LocalVolumes": "0",
            "Label": { (args: [Any]) throws -> Any in
                guard args.count == 1 else { throw GoTemplate.ParseError("wrong number of args for Label: want 1 got \(args.count)") }
                return c.config.labels[GoTemplate.show(args[0])] ?? ""
            } as GoTemplate.Method,
        ]
    }

    /// Go's time.Time.String() in local time: `2006-01-02 15:04:05 -0700 MST`.
    static func goTimeString(_ d: Date) -> String {
        var t = time_t(d.timeIntervalSince1970.rounded(.down))
        var tm = tm()
        localtime_r(&t, &tm)
        var buf = [Int8](repeating: 0, count: 64)
        let n = strftime(&buf, buf.count, "%Y-%m-%d %H:%M:%S %z %Z", &tm)
        return String(decoding: buf.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func truncate(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }
}
