import ContainerRuntime
import Foundation

/// Docker-shaped views of a container: `inspect`'s JSON and `ps`'s template fields.
enum ContainerJSON {
    static let iso: ISO8601DateFormatter = {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }()
    static let zeroTime = "0001-01-01T00:00:00Z"

    static func stateString(_ c: Container) -> String {
        switch c.status {
        case .running: return "running"
        case .exited: return "exited"
        case .dead: return "dead"
        case .created: return "created"
        }
    }

    static func inspect(_ c: Container, startedAt: Date? = nil) -> [String: Any] {
        let cfg = c.config
        let exitCode = c.exit?.exitCode ?? (c.status == .dead ? 255 : 0)
        let finished = c.exit.map { iso.string(from: Date(timeIntervalSince1970: $0.finishedAt)) } ?? zeroTime
        var state: [String: Any] = [
            "Status": stateString(c), "Running": c.isRunning, "Paused": false, "Restarting": false,
            "OOMKilled": !c.isRunning && (c.exit?.oomKilled ?? false), "Dead": c.status == .dead, "Pid": c.isRunning ? Int(c.run?.pid ?? 0) : 0,
            "ExitCode": Int(c.isRunning ? 0 : exitCode), "Error": "",
            "StartedAt": c.run.map { iso.string(from: $0.startedAt) } ?? (startedAt.map { iso.string(from: $0) } ?? zeroTime),
            "FinishedAt": c.isRunning ? zeroTime : finished,
        ]
        if c.status == .dead { state["Error"] = "the container's monitor ended without recording an exit status" }
        if let problem = c.broken { state["Error"] = problem }
        let net = c.run?.network
        let ip = c.isRunning ? (net?.ipAddress ?? "") : ""
        let gw = c.isRunning ? (net?.gateway ?? "") : ""
        let prefix = c.isRunning ? (net?.prefixLength ?? 0) : 0
        let mac = c.isRunning ? (net?.macAddress ?? "") : ""
        var networks: [String: Any] = [:]
        let netName = cfg.networkMode == "bridge" ? "bridge" : cfg.networkMode
        if !cfg.networkMode.hasPrefix("container:") {
            networks[netName] = ["IPAddress": ip, "Gateway": gw, "IPPrefixLen": prefix, "MacAddress": mac,
                                 "NetworkID": net?.bridge ?? "", "EndpointID": ""]
        }
        let l = cfg.limits
        let hostConfig: [String: Any] = [
            "NanoCpus": l.nanoCPUs, "CpuQuota": l.cpuQuota, "CpuPeriod": l.cpuPeriod, "CpusetCpus": l.cpusetCpus,
            "Memory": l.memory, "MemorySwap": l.memory > 0 ? l.memory * 2 : 0, "PidsLimit": l.pidsLimit > 0 ? l.pidsLimit as Any : NSNull(),
            "CapAdd": cfg.capAdd.isEmpty ? NSNull() : cfg.capAdd as Any,
            "CapDrop": cfg.capDrop.isEmpty ? NSNull() : cfg.capDrop as Any,
            "Privileged": cfg.privileged, "ReadonlyRootfs": cfg.readOnly, "IpcMode": cfg.ipcMode,
            "PidMode": cfg.pidMode, "NetworkMode": cfg.networkMode, "AutoRemove": cfg.autoRemove,
            "SecurityOpt": cfg.securityOpt.isEmpty ? NSNull() : cfg.securityOpt as Any,
            "SeccompProfile": cfg.seccompProfile,
            "Init": cfg.initProcess, "CgroupParent": "",
        ]
        let config: [String: Any] = [
            "Hostname": cfg.hostname, "User": cfg.user, "Env": cfg.env, "Cmd": cfg.cmd, "Image": cfg.image,
            "WorkingDir": cfg.workingDir, "Labels": cfg.labels, "Tty": cfg.tty, "OpenStdin": cfg.interactive,
            "AttachStdout": !cfg.detached, "AttachStderr": !cfg.detached,
            "Entrypoint": cfg.entrypoint.isEmpty ? NSNull() : cfg.entrypoint as Any,
        ]
        return [
            "Id": cfg.id, "Created": iso.string(from: cfg.created), "Path": cfg.args.first ?? "",
            "Args": Array(cfg.args.dropFirst()), "State": state, "Image": cfg.imageID, "Name": "/" + cfg.name,
            "RestartCount": 0, "Driver": "overlay2", "Platform": "linux", "LogPath": c.logPath,
            "HostnamePath": c.dir + "/hostname", "HostsPath": c.dir + "/hosts", "ResolvConfPath": c.dir + "/resolv.conf",
            "HostConfig": hostConfig,
            "GraphDriver": ["Name": "overlay2", "Data": [
                "LowerDir": cfg.lowerDirs.joined(separator: ":"), "UpperDir": c.upperDir,
                "MergedDir": c.mergedDir, "WorkDir": c.workDir]],
            "Config": config,
            "NetworkSettings": ["IPAddress": ip, "Gateway": gw, "IPPrefixLen": prefix, "MacAddress": mac,
                                "Networks": networks, "Ports": [String: Any]()],
            "Namespace": cfg.namespace,
            "Capabilities": cfg.capabilities.names,
        ]
    }

    static func status(_ c: Container, now: Date = Date()) -> String {
        if let record = c.brokenRecord {
            let how = c.isRunning ? "Up " + ImageDisplay.humanDuration(now.timeIntervalSince(c.run?.startedAt ?? c.config.created)) : "Dead"
            return how + " (broken: \(record) unreadable)"
        }
        switch c.status {
        case .running:
            return "Up " + ImageDisplay.humanDuration(now.timeIntervalSince(c.run?.startedAt ?? c.config.created))
        case .exited:
            let when = c.exit.map { Date(timeIntervalSince1970: $0.finishedAt) } ?? now
            return "Exited (\(c.exit?.exitCode ?? 0)) " + ImageDisplay.createdSince(when, now: now)
        case .dead: return "Dead"
        case .created: return "Created"
        }
    }

    /// `ps --format` fields, as Docker names them.
    static func psFields(_ c: Container) -> [String: Any] {
        let cmd = c.config.args.joined(separator: " ")
        return [
            "ID": c.shortID, "Image": c.config.image, "Command": "\"" + truncate(cmd, 20) + "\"",
            "CreatedAt": c.config.created.description, "RunningFor": ImageDisplay.createdSince(c.config.created),
            "Ports": "", "State": stateString(c), "Status": status(c), "Names": c.config.name,
            "Labels": c.config.labels.keys.sorted().map { "\($0)=\(c.config.labels[$0] ?? "")" }.joined(separator: ","),
            "Mounts": "", "Networks": c.config.networkMode, "Size": "",
        ]
    }

    static func truncate(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }
}
