import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension ContainerConfig {
    /// The keys of config.json, one per stored property (the synthesized encoder uses them too:
    /// a property without a case here would not be written; ContainerConfigDecodingTests checks).
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, namespace, created, image, imageID, entrypoint, cmd, args, env, home, workingDir, user
        case uid, gid, additionalGids, hostname, labels, tty, interactive, detached, autoRemove, readOnly
        case privileged, noNewPrivileges, initProcess, ipcMode, pidMode, networkMode, capAdd, capDrop
        case capabilities, securityOpt, seccompProfile, limits, lowerDirs, mounts, restartPolicy
        case attachStreams, networkAliases, seccomp
    }

    /// A config.json written by any earlier isolab stays readable: the fields of the first
    /// release are required, every field added since has a default that means what the older
    /// isolab did. A new field goes here too, with `decodeIfPresent` and its default.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        namespace = try c.decode(String.self, forKey: .namespace)
        created = try c.decode(Date.self, forKey: .created)
        image = try c.decode(String.self, forKey: .image)
        imageID = try c.decode(String.self, forKey: .imageID)
        args = try c.decode([String].self, forKey: .args)
        env = try c.decode([String].self, forKey: .env)
        workingDir = try c.decode(String.self, forKey: .workingDir)
        user = try c.decode(String.self, forKey: .user)
        uid = try c.decode(UInt32.self, forKey: .uid)
        gid = try c.decode(UInt32.self, forKey: .gid)
        additionalGids = try c.decode([UInt32].self, forKey: .additionalGids)
        hostname = try c.decode(String.self, forKey: .hostname)
        labels = try c.decode([String: String].self, forKey: .labels)
        tty = try c.decode(Bool.self, forKey: .tty)
        interactive = try c.decode(Bool.self, forKey: .interactive)
        detached = try c.decode(Bool.self, forKey: .detached)
        autoRemove = try c.decode(Bool.self, forKey: .autoRemove)
        readOnly = try c.decode(Bool.self, forKey: .readOnly)
        privileged = try c.decode(Bool.self, forKey: .privileged)
        noNewPrivileges = try c.decode(Bool.self, forKey: .noNewPrivileges)
        initProcess = try c.decode(Bool.self, forKey: .initProcess)
        ipcMode = try c.decode(String.self, forKey: .ipcMode)
        pidMode = try c.decode(String.self, forKey: .pidMode)
        networkMode = try c.decode(String.self, forKey: .networkMode)
        capAdd = try c.decode([String].self, forKey: .capAdd)
        capDrop = try c.decode([String].self, forKey: .capDrop)
        capabilities = try c.decode(Capabilities.self, forKey: .capabilities)
        securityOpt = try c.decode([String].self, forKey: .securityOpt)
        limits = try c.decode(ResourceLimits.self, forKey: .limits)
        lowerDirs = try c.decode([String].self, forKey: .lowerDirs)

        // Added after the first release. Before Entrypoint and Cmd were kept apart, args was
        // all there was: inspect shows it as the Cmd.
        entrypoint = try c.decodeIfPresent([String].self, forKey: .entrypoint) ?? []
        cmd = try c.decodeIfPresent([String].self, forKey: .cmd) ?? args
        // The home UserResolver gives a user without a passwd entry: root's, or "/".
        home = try c.decodeIfPresent(String.self, forKey: .home) ?? (uid == 0 ? "/root" : "/")
        // What makeConfig decides from the same options.
        seccompProfile = try c.decodeIfPresent(String.self, forKey: .seccompProfile)
            ?? (privileged || securityOpt.contains { $0 == "seccomp=unconfined" || $0 == "seccomp:unconfined" } ? "unconfined" : "default")
        mounts = try c.decodeIfPresent([ContainerMount].self, forKey: .mounts)
        restartPolicy = try c.decodeIfPresent(RestartPolicy.self, forKey: .restartPolicy)
        attachStreams = try c.decodeIfPresent([String].self, forKey: .attachStreams)
        networkAliases = try c.decodeIfPresent([String].self, forKey: .networkAliases)
        seccomp = try c.decodeIfPresent(SeccompProfile.self, forKey: .seccomp)
    }
}
