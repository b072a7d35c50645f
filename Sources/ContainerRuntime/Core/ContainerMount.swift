import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A mount of `-v`, `--mount` or `--tmpfs`: a host directory or file bound into the container,
/// or a tmpfs. The target is resolved inside the container's root when it is mounted.
public struct ContainerMount: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable { case bind, tmpfs }
    public var kind: Kind
    public var source: String          // host path (bind); "" for tmpfs
    public var target: String          // absolute path in the container
    public var readOnly: Bool
    public var options: String         // tmpfs: "size=64m,mode=1777"; bind: as given after the target ("ro")

    public init(kind: Kind, source: String, target: String, readOnly: Bool, options: String = "") {
        self.kind = kind
        self.source = source
        self.target = target
        self.readOnly = readOnly
        self.options = options
    }
}
