/// One rtnetlink request, ready to send, with what it does in words for error messages.
struct NetlinkRequest: Equatable {
    var type: UInt16
    var flags: UInt16
    /// The family header (ifinfomsg, ifaddrmsg, rtmsg) and attributes.
    var body: [UInt8]
    /// "RTM_NEWLINK create bridge": names the netlink operation in errors.
    var operation: String
    /// The interface (or address) the request is about, also for errors.
    var subject: String

    /// The whole message: struct nlmsghdr (length, type, flags, sequence, port 0 = the kernel) and body.
    func encoded(sequence: UInt32) -> [UInt8] {
        var e = NetlinkEncoder()
        e.append(UInt32(Netlink.headerLength + body.count))
        e.append(type)
        e.append(flags)
        e.append(sequence)
        e.append(UInt32(0))
        e.append(bytes: body)
        return e.bytes
    }
}
