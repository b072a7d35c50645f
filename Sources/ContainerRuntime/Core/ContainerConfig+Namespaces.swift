import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension ContainerConfig {
    /// What --ipc, --pid or --network means for this container. The config's text passed
    /// ConfigValidator when it was made; one it would refuse (a hand-edited config.json) is an
    /// error here, as it was before the container started.
    public func namespace(_ kind: NamespaceMode.Kind) throws -> NamespaceMode {
        let text = kind == .ipc ? ipcMode : kind == .pid ? pidMode : networkMode
        guard let mode = NamespaceMode(text, kind: kind) else {
            throw RuntimeError.refused(.invalidArgument, "invalid \(kind.rawValue) mode: \(text)")
        }
        return mode
    }
}
