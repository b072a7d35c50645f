import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A container's place on one of isolab's bridges, kept in its state so that clean-up can undo it.
public struct NetworkAttachment: Codable, Sendable, Equatable {
    public var ipAddress: String         // "10.88.0.2"
    public var prefixLength: Int         // 16
    public var gateway: String           // the bridge's address
    public var macAddress: String
    public var hostVeth: String          // the host end, e.g. "isl1a2b3c4d5e6"
    public var bridge: String            // "isolab0"
    /// Set on user-defined networks only (absent on the default bridge and in older states).
    public var networkID: String?
    public var networkName: String?
    /// The interface inside the container ("eth0", "eth1" after `network connect`).
    public var interface: String?
    /// `--network-alias` / `network connect --alias`: more names peers resolve to this address.
    public var aliases: [String]?

    public init(ipAddress: String, prefixLength: Int, gateway: String, macAddress: String,
                hostVeth: String, bridge: String) {
        self.ipAddress = ipAddress; self.prefixLength = prefixLength; self.gateway = gateway
        self.macAddress = macAddress; self.hostVeth = hostVeth; self.bridge = bridge
    }
}
