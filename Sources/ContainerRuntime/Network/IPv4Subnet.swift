/// An IPv4 prefix such as 10.213.0.0/16.
struct IPv4Subnet: Hashable, Sendable, CustomStringConvertible {
    var network: IPv4Address
    var prefixLength: Int

    /// The address is masked to the prefix, so 10.213.4.5/16 is 10.213.0.0/16.
    init(_ address: IPv4Address, prefixLength: Int) {
        precondition((0...32).contains(prefixLength), "IPv4 prefix length out of range")
        self.prefixLength = prefixLength
        network = IPv4Address(address.value & IPv4Subnet.mask(prefixLength))
    }

    /// "10.213.0.0/16".
    init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let address = IPv4Address(String(parts[0])),
              let length = Int(parts[1]), (0...32).contains(length) else { return nil }
        self.init(address, prefixLength: length)
    }

    static func mask(_ prefixLength: Int) -> UInt32 {
        prefixLength == 0 ? 0 : UInt32.max << UInt32(32 - prefixLength)
    }

    var mask: UInt32 { IPv4Subnet.mask(prefixLength) }
    var broadcast: IPv4Address { IPv4Address(network.value | ~mask) }

    func contains(_ address: IPv4Address) -> Bool { address.value & mask == network.value }

    /// Two prefixes overlap when the shorter one contains the other's network.
    func overlaps(_ other: IPv4Subnet) -> Bool {
        let shorter = min(prefixLength, other.prefixLength)
        let m = IPv4Subnet.mask(shorter)
        return network.value & m == other.network.value & m
    }

    var description: String { "\(network)/\(prefixLength)" }
}
