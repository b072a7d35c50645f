import Foundation

/// A container's place on isolab's bridge, kept in its state so that clean-up can undo it.
public struct NetworkAttachment: Codable, Sendable, Equatable {
    public var ipAddress: String         // "10.88.0.2"
    public var prefixLength: Int         // 16
    public var gateway: String           // the bridge's address
    public var macAddress: String
    public var hostVeth: String          // the host end, e.g. "isl1a2b3c4d5e6"
    public var bridge: String            // "isolab0"

    public init(ipAddress: String, prefixLength: Int, gateway: String, macAddress: String,
                hostVeth: String, bridge: String) {
        self.ipAddress = ipAddress; self.prefixLength = prefixLength; self.gateway = gateway
        self.macAddress = macAddress; self.hostVeth = hostVeth; self.bridge = bridge
    }
}
