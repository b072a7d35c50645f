/// One IPv4 route read back from the kernel: enough to see whether it overlaps isolab's subnet.
struct RouteEntry: Equatable {
    var destination: IPv4Subnet
    var table: UInt32
    var type: UInt8
    var outputInterface: Int32?

    /// Decodes an RTM_NEWROUTE payload (struct rtmsg, then attributes); nil for non-IPv4.
    init?(payload: [UInt8]) {
        guard payload.count >= 12, payload[0] == Netlink.familyIPv4 else { return nil }
        let attributes = NetlinkAttribute.parse(Array(payload[12...]))
        let prefixLength = Int(payload[1])
        guard prefixLength <= 32 else { return nil }
        // No RTA_DST means 0.0.0.0: the default route.
        let address = attributes.first { $0.type == Netlink.routeDestination }
            .flatMap { IPv4Address(bytes: $0.payload) } ?? IPv4Address(0)
        destination = IPv4Subnet(address, prefixLength: prefixLength)
        // RTA_TABLE holds tables above 255; rtm_table has the rest.
        table = attributes.first { $0.type == Netlink.routeTable }?.uint32 ?? UInt32(payload[4])
        type = payload[7]
        outputInterface = attributes.first { $0.type == Netlink.routeOutputInterface }?.uint32
            .map { Int32(bitPattern: $0) }
    }

    init(destination: IPv4Subnet, table: UInt32, type: UInt8, outputInterface: Int32?) {
        self.destination = destination; self.table = table; self.type = type; self.outputInterface = outputInterface
    }
}
