import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A network made by `docker network create`: a bridge of its own with a /24 of isolab's pool.
/// Stored per root and namespace as `<root>/networks/<namespace>/<id>.json`.
public struct UserNetwork: Codable, Sendable, Equatable {
    public var id: String                // 64 hex, as Docker's
    public var name: String
    public var created: Date
    public var subnet: String            // "10.215.0.0/24"
    public var gateway: String           // "10.215.0.1"
    public var bridge: String            // "isl-" + 8 hex of the id
    public var labels: [String: String]

    var parsedSubnet: IPv4Subnet? { IPv4Subnet(subnet) }

    /// Its bridge, subnet and leases; nil for a record whose subnet is not one of the pool's /24s
    /// (only this code writes them, so such a record is damaged and is not acted on).
    var configuration: NetworkConfiguration? {
        guard let s = parsedSubnet, s.prefixLength == 24, NetworkStore.pool.contains(s.network),
              UserNetwork.isBridgeName(bridge) else { return nil }
        return .userNetwork(bridge: bridge, subnet: s)
    }

    /// `isl-` and 8 lowercase hex digits: within IFNAMSIZ and never a name isolab0 or a veth uses.
    static func isBridgeName(_ name: String) -> Bool {
        name.count == 12 && name.hasPrefix("isl-") && name.dropFirst(4).allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}
