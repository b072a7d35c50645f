import ArgumentParser
import ContainerRuntime

/// `network connect [--alias A] NETWORK CONTAINER`: one more interface on a running container.
public struct NetworkConnectCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "connect", abstract: "Connect a container to a network")
    public init() {}

    @Option(name: .customLong("alias"), help: "Add network-scoped alias for the container") var alias: [String] = []
    @Argument var network: String
    @Argument var container: String

    public func run() throws {
        let rt = IsolabMain.runtime()
        if Runtime.predefinedNetworks.contains(network) {
            throw RuntimeError.refused(.invalidArgument, "isolab connects containers to user-defined networks only, not to \(network)")
        }
        try rt.connect(network: network, container: container, aliases: alias)
    }
}
