/// One message received from the kernel: header fields and the payload after struct nlmsghdr.
struct NetlinkMessage: Equatable {
    var type: UInt16
    var flags: UInt16
    var sequence: UInt32
    var payload: [UInt8]

    /// Splits one datagram into its messages. A header whose length runs past the datagram
    /// is an error, not something to skip: it would mean we misread the stream.
    static func split(_ datagram: [UInt8]) throws -> [NetlinkMessage] {
        var messages: [NetlinkMessage] = []
        var offset = 0
        while datagram.count - offset >= Netlink.headerLength {
            let length = Int(datagram.loadUInt32(at: offset))
            guard length >= Netlink.headerLength, offset + length <= datagram.count else {
                throw RuntimeError(.failed, "netlink: malformed reply (message length \(length) at offset \(offset) of \(datagram.count))")
            }
            messages.append(NetlinkMessage(type: datagram.loadUInt16(at: offset + 4),
                                           flags: datagram.loadUInt16(at: offset + 6),
                                           sequence: datagram.loadUInt32(at: offset + 8),
                                           payload: Array(datagram[(offset + Netlink.headerLength)..<(offset + length)])))
            offset += Netlink.aligned(length)
        }
        return messages
    }

    /// For NLMSG_ERROR: the negated errno (0 is an acknowledgement) and the kernel's extended
    /// message, when the socket asked for one (NETLINK_EXT_ACK) and the kernel gave one.
    var errorReply: (errno: Int32, message: String?)? {
        guard type == Netlink.error, payload.count >= 4 else { return nil }
        let code = -payload.loadInt32(at: 0)
        guard flags & Netlink.ackTLVs != 0, payload.count >= 4 + Netlink.headerLength else { return (code, nil) }
        // The TLVs follow the quoted request: its header only when the kernel capped it
        // (NETLINK_CAP_ACK), else the whole request, whose length its header gives.
        let quoted = flags & Netlink.capped != 0 ? Netlink.headerLength : Netlink.aligned(Int(payload.loadUInt32(at: 4)))
        guard payload.count >= 4 + quoted else { return (code, nil) }
        let attributes = NetlinkAttribute.parse(Array(payload[(4 + quoted)...]))
        let text = attributes.first { $0.type == Netlink.errorMessageAttribute }?.string
        return (code, text)
    }
}
