import ArgumentParser
import ContainerRuntime

/// `network disconnect [-f] NETWORK CONTAINER`
public struct NetworkDisconnectCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "disconnect", abstract: "Disconnect a container from a network")
    public init() {}

    @Flag(name: .shortAndLong, help: "Force the container to disconnect from a network (accepted)") var force = false
    @Argument var network: String
    @Argument var container: String

    public func run() throws {
        let rt = IsolabMain.runtime()
        if Runtime.predefinedNetworks.contains(network) {
            throw RuntimeError.refused(.invalidArgument, "isolab disconnects containers from user-defined networks only, not from \(network)")
        }
        try rt.disconnect(network: network, container: container)
    }
}
