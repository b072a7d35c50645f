import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `port CONTAINER`: isolab publishes no ports (containers reach only the host and each other),
/// so this lists nothing, but it still says when the container does not exist.
public struct PortCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "port", abstract: "List port mappings for the container")
    public init() {}
    @Argument var container: String
    @Argument var privatePort: String?

    public func run() throws {
        let c = try IsolabMain.runtime().container(container)
        if let p = privatePort {
            throw RuntimeError(.notFound(.other), "Error: No public port '\(p.contains("/") ? p : p + "/tcp")' published for \(c.config.name)")
        }
    }
}
