/// An IPv4 address as a number, so that the allocator can count and the encoder can write
/// network-order bytes.
struct IPv4Address: Hashable, Comparable, Sendable, CustomStringConvertible {
    var value: UInt32

    init(_ value: UInt32) { self.value = value }

    /// Dotted quad only ("10.213.0.2"): lease file names and attachment fields are written by us.
    init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var v: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let octet = UInt8(part) else { return nil }
            v = v << 8 | UInt32(octet)
        }
        value = v
    }

    /// The four bytes in network order, as netlink carries addresses.
    var bytes: [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }

    /// Four network-order bytes, as in a netlink attribute; nil for any other length.
    init?(bytes: [UInt8]) {
        guard bytes.count == 4 else { return nil }
        value = bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Docker's convention, 02:42 then the address: locally administered, unique while the
    /// address is, and the same for the same address so ARP caches stay right after reuse.
    var macAddress: [UInt8] { [0x02, 0x42] + bytes }

    var description: String { bytes.map(String.init).joined(separator: ".") }

    static func < (a: IPv4Address, b: IPv4Address) -> Bool { a.value < b.value }
}
