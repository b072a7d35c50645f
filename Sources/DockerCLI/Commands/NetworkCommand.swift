import ArgumentParser

/// `docker network`: user-defined bridges (each its own bridge and /24) and the predefined
/// `bridge`, `host` and `none`.
public struct NetworkCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "network", abstract: "Manage networks",
        subcommands: [NetworkConnectCommand.self, NetworkCreateCommand.self, NetworkDisconnectCommand.self,
                      NetworkInspectCommand.self, NetworkLsCommand.self, NetworkPruneCommand.self, NetworkRmCommand.self])
    public init() {}
}
