/// One attribute of a received message.
struct NetlinkAttribute: Equatable {
    /// The type without the NLA_F_NESTED / NLA_F_NET_BYTEORDER bits.
    var type: UInt16
    var payload: [UInt8]

    /// Reads attributes until the bytes run out; a truncated last attribute ends the list
    /// (the kernel never sends one, and the fixed fields before it were already read).
    static func parse(_ bytes: [UInt8]) -> [NetlinkAttribute] {
        var attributes: [NetlinkAttribute] = []
        var offset = 0
        while bytes.count - offset >= 4 {
            let length = Int(bytes.loadUInt16(at: offset))
            guard length >= 4, offset + length <= bytes.count else { break }
            attributes.append(NetlinkAttribute(type: bytes.loadUInt16(at: offset + 2) & 0x3fff,
                                               payload: Array(bytes[(offset + 4)..<(offset + length)])))
            offset += Netlink.aligned(length)
        }
        return attributes
    }

    var uint32: UInt32? { payload.count >= 4 ? payload.loadUInt32(at: 0) : nil }

    var string: String {
        String(decoding: payload.prefix { $0 != 0 }, as: UTF8.self)
    }
}
