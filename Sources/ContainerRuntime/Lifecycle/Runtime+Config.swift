import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension Runtime {
    /// Turns `run`'s options and the image's config into the container's config (Docker's rules:
    /// the command replaces the image's Cmd, -e adds to its Env, -w and -u override).
    func makeConfig(_ o: RunOptions, image: ImageRecord) throws -> ContainerConfig {
        let validator = ConfigValidator.forHost(o.limits)
        try validator.validate(o)
        var limits = o.limits
        for w in validator.adapt(&limits, creating: true) { o.warn?(w) }
        let id = Self.randomID()
        // Without --name, `create` picks one under the namespace lock (empty until then).
        let name = try o.name.map(Self.validName) ?? ""
        let hostname = try o.hostname ?? defaultHostname(id: id, networkMode: o.networkMode)
        // --entrypoint replaces the image's, and then its Cmd is not inherited either (moby's
        // rule); `--entrypoint ""` clears it.
        let entrypoint = o.entrypoint.map { $0 == [""] ? [] : $0 } ?? image.config.entrypoint
        let cmd = o.command.isEmpty ? (o.entrypoint == nil ? image.config.cmd : []) : o.command
        guard !(entrypoint + cmd).isEmpty else {
            throw RuntimeError.refused(.invalidArgument, "no command specified.")
        }
        let lowers = try images.lowerDirs(of: image)
        let env = Self.mergeEnv(image.config.env, o.env)
        let userSpec = o.user ?? image.config.user
        let user = try UserResolver(lowerDirs: lowers).resolve(userSpec)
        var nnp = false
        var seccomp = "default"
        var profile: SeccompProfile?
        for opt in o.securityOpt {
            switch opt {
            case "no-new-privileges", "no-new-privileges=true", "no-new-privileges:true": nnp = true
            case "no-new-privileges=false", "no-new-privileges:false": nnp = false
            case "seccomp=unconfined", "seccomp:unconfined": seccomp = "unconfined"; profile = nil
            case "seccomp=builtin", "seccomp:builtin": seccomp = "default"; profile = nil
            case let s where s.hasPrefix("seccomp=") || s.hasPrefix("seccomp:"):
                // The profile's JSON itself: the CLI read the file (SeccompProfileFile), as docker/cli does.
                do { profile = try SeccompProfile.parse(Data(s.utf8.dropFirst(8))) } catch let e as RuntimeError {
                    throw RuntimeError.refused(e.kind, e.message + ".")
                }
                seccomp = "custom"
            default:
                throw RuntimeError.refused(.invalidArgument, "invalid --security-opt: \"\(opt)\" (isolab knows no-new-privileges and seccomp=unconfined|builtin|PROFILE.json).")
            }
        }
        // moby's WithSeccomp: a privileged container gets no filter, whatever profile it names.
        if o.privileged { seccomp = "unconfined"; profile = nil }
        // A name that is not a mode is a user-defined network's (its name is kept, as Docker's
        // HostConfig.NetworkMode keeps it); aliases only mean something there.
        var networkMode = o.networkMode
        let network = NamespaceMode.network(o.networkMode)
        if case .user(let ref)? = network {
            try Self.validateAliases(o.networkAliases)
            do { networkMode = try networks.find(ref).name } catch {
                throw RuntimeError.refused(.notFound(.network), "network \(o.networkMode) not found")
            }
        } else {
            if let network { networkMode = network.text }   // "default" is kept as "bridge"
            if !o.networkAliases.isEmpty {
                throw RuntimeError.refused(.invalidArgument, "network-scoped alias is supported only for containers in user defined networks")
            }
        }
        // moby checks each list on its own and names it: "invalid CapAdd: unknown capability: ...".
        for (what, list) in [("CapAdd", o.capAdd), ("CapDrop", o.capDrop)] {
            do { _ = try Capabilities.resolve(add: what == "CapAdd" ? list : [], drop: what == "CapDrop" ? list : [], privileged: false) } catch let e as RuntimeError {
                throw e.restated("invalid \(what): \(e.message)", source: .request)
            }
        }
        var caps = try Capabilities.resolve(add: o.capAdd, drop: o.capDrop, privileged: o.privileged)
        if o.privileged {
            // Docker's --privileged gives every capability isolab itself holds; one outside our
            // own bounding set cannot be granted by anyone, so it is left out, not failed on.
            caps = try caps.splitByCurrentBoundingSet().available
        }
        return ContainerConfig(
            id: id, name: name, namespace: context.namespace, created: Date(), image: o.image, imageID: image.id,
            entrypoint: entrypoint, cmd: cmd, args: entrypoint + cmd, env: env, home: user.home, workingDir: o.workingDir ?? image.config.workingDir, user: userSpec,
            uid: user.uid, gid: user.gid, additionalGids: user.additionalGids, hostname: hostname, labels: o.labels,
            tty: o.tty, interactive: o.interactive, detached: o.detach, autoRemove: o.autoRemove,
            readOnly: o.readOnly, privileged: o.privileged, noNewPrivileges: nnp, initProcess: o.initProcess,
            ipcMode: o.ipcMode.isEmpty ? "private" : o.ipcMode, pidMode: o.pidMode,
            networkMode: networkMode,
            capAdd: o.capAdd, capDrop: o.capDrop, capabilities: caps, securityOpt: o.securityOpt, seccompProfile: seccomp,
            limits: limits, lowerDirs: lowers, mounts: o.mounts.isEmpty ? nil : o.mounts, restartPolicy: o.restartPolicy,
            attachStreams: o.attachStreams, networkAliases: o.networkAliases.isEmpty ? nil : o.networkAliases, seccomp: profile)
    }

    /// A container's name without its optional leading "/": Docker's rule, two characters at least.
    static func validName(_ n: String) throws -> String {
        let name = n.hasPrefix("/") ? String(n.dropFirst()) : n
        guard DockerName.isValid(name, minLength: 2) else {
            throw RuntimeError.refused(.invalidArgument, "invalid container name \"\(n)\": only \(DockerName.pattern) are allowed",
                                       operation: "name container", reference: n)
        }
        return name
    }

    /// The container's id prefix; the host's name with --network host, the donor's with
    /// --network container:NAME (they share the network identity).
    func defaultHostname(id: String, networkMode: String) throws -> String {
        switch NamespaceMode(networkMode, kind: .net) {
        case .host: return ProcessInfo.processInfo.hostName
        case .container(let ref): return try store.find(ref).config.hostname
        default: break
        }
        return String(id.prefix(12))
    }

    /// Later entries win by key; "KEY" alone takes the value from isolab's own environment.
    static func mergeEnv(_ base: [String], _ extra: [String]) -> [String] {
        var out = base
        for e in extra {
            var entry = e
            if !e.contains("=") {
                guard let v = ProcessInfo.processInfo.environment[e] else { continue }
                entry = "\(e)=\(v)"
            }
            let key = entry.split(separator: "=", maxSplits: 1).first.map(String.init) ?? entry
            out.removeAll { $0.split(separator: "=", maxSplits: 1).first.map(String.init) == key }
            out.append(entry)
        }
        return out
    }
}
