/// The user-defined networks of the namespace as the CLI lists, creates and removes them.
extension Runtime {
    /// Docker's predefined networks (`bridge` is isolab0, `host`, `none`).
    public static var predefinedNetworks: [String] { NetworkStore.predefined }

    public func networkList() -> [UserNetwork] { networks.list() }

    public func createNetwork(name: String, labels: [String: String]) throws -> UserNetwork {
        try networks.create(name: name, labels: labels)
    }

    /// Removes a network no container is on (a `conflict` otherwise).
    public func removeNetwork(_ network: UserNetwork) throws { try networks.remove(network) }
}
