/// Builds the bytes of a netlink message body: fixed family headers, then attributes padded to
/// 4 bytes. Integers are in host order, as netlink wants; IPv4 addresses are given as their
/// network-order bytes.
struct NetlinkEncoder: Equatable {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ value: UInt8) { bytes.append(value) }
    mutating func append(_ value: UInt16) { withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) } }
    mutating func append(_ value: UInt32) { withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) } }
    mutating func append(_ value: Int32) { withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) } }
    mutating func append(bytes more: [UInt8]) { bytes.append(contentsOf: more) }

    /// One attribute: its length counts header and payload but not the padding that follows.
    mutating func attribute(_ type: UInt16, _ payload: [UInt8]) {
        append(UInt16(4 + payload.count))
        append(type)
        bytes.append(contentsOf: payload)
        pad()
    }

    mutating func attribute(_ type: UInt16, uint32 value: UInt32) {
        attribute(type, withUnsafeBytes(of: value) { Array($0) })
    }

    /// A NUL-terminated string, as the kernel's NLA_STRING/NLA_NUL_STRING policies accept.
    mutating func attribute(_ type: UInt16, string: String) {
        attribute(type, Array(string.utf8) + [0])
    }

    /// An attribute holding other attributes (or, for VETH_INFO_PEER, a header and attributes).
    mutating func nested(_ type: UInt16, _ build: (inout NetlinkEncoder) -> Void) {
        var inner = NetlinkEncoder()
        build(&inner)
        attribute(type, inner.bytes)
    }

    private mutating func pad() {
        bytes.append(contentsOf: repeatElement(0, count: Netlink.aligned(bytes.count) - bytes.count))
    }
}
