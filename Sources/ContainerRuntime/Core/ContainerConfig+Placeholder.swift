import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension ContainerConfig {
    /// Stands in for a config.json that cannot be read: the id and namespace (from the
    /// directory), and nothing a command could run or apply.
    static func placeholder(id: String, namespace: String, created: Date) -> ContainerConfig {
        ContainerConfig(
            id: id, name: "", namespace: namespace, created: created, image: "", imageID: "",
            entrypoint: [], cmd: [], args: [], env: [], home: "/", workingDir: "", user: "",
            uid: 0, gid: 0, additionalGids: [], hostname: "", labels: [:],
            tty: false, interactive: false, detached: true, autoRemove: false,
            readOnly: false, privileged: false, noNewPrivileges: false, initProcess: false,
            ipcMode: "", pidMode: "", networkMode: "", capAdd: [], capDrop: [],
            capabilities: Capabilities(names: []), securityOpt: [], seccompProfile: "default",
            limits: ResourceLimits(), lowerDirs: [])
    }
}
