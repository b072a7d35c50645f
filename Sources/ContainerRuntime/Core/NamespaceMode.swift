import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// How a container gets one of its namespaces (--ipc, --pid, --network). The config keeps
/// Docker's text (HostConfig.IpcMode "shareable", PidMode "", NetworkMode "bridge"); this is
/// what the text means, parsed in one place.
public enum NamespaceMode: Sendable, Equatable {
    /// A namespace of its own (ipc private, pid "", network bridge/none/a user network).
    case `private`
    /// A namespace of its own that other containers may join (--ipc shareable).
    case shareable
    /// The host's namespace.
    case host
    /// The namespace of another container, by name or id.
    case container(String)

    public enum Kind: String, Sendable {
        case ipc, pid, net

        /// The flag that sets it, for messages.
        var flag: String { self == .net ? "--network" : "--" + rawValue }
    }

    /// Docker's text for `kind`, or nil when it names no mode. A --network value that is not a
    /// mode is a user network's name (a namespace of its own).
    public init?(_ text: String, kind: Kind) {
        if text.hasPrefix("container:") { self = .container(String(text.dropFirst("container:".count))); return }
        if text == "host" { self = .host; return }
        switch kind {
        case .ipc:
            switch text {
            case "", "private": self = .private
            case "shareable": self = .shareable
            default: return nil
            }
        case .pid:
            guard text.isEmpty else { return nil }
            self = .private
        case .net:
            guard !text.isEmpty else { return nil }   // Docker looks "" up as a network's name
            self = .private
        }
    }

    /// Whether other containers may join it (`--ipc container:` needs a shareable donor; the
    /// other namespaces are always joinable).
    public var isShareable: Bool { self != .private }

    /// The container whose namespace this one is (`container:NAME`), if any.
    public var donor: String? {
        if case .container(let ref) = self { return ref }
        return nil
    }

    /// What a --network value gives a container whose network namespace is its own.
    public enum Network: Sendable, Equatable {
        /// isolab0, Docker's default bridge ("bridge", or "default", its other name).
        case bridge
        /// Only the loopback interface ("none").
        case loopbackOnly
        /// A user-defined network, by the name or id given.
        case user(String)

        /// The text a config keeps for it (HostConfig.NetworkMode).
        public var text: String {
            switch self {
            case .bridge: "bridge"
            case .loopbackOnly: "none"
            case .user(let name): name
            }
        }
    }

    /// The network of a --network value, or nil when it is no namespace of the container's own
    /// (host, container:NAME) or names nothing ("").
    public static func network(_ text: String) -> Network? {
        guard NamespaceMode(text, kind: .net) == .private else { return nil }
        switch text {
        case "bridge", "default": return .bridge
        case "none": return .loopbackOnly
        default: return .user(text)
        }
    }
}
