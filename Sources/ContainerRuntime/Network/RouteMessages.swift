/// The rtnetlink requests isolab sends, built without any I/O so that tests can check their bytes.
enum RouteMessages {
    /// struct ifinfomsg: family, pad, type, index, flags, change.
    static func linkHeader(index: Int32 = 0, up: Bool = false, into e: inout NetlinkEncoder) {
        e.append(Netlink.familyUnspecified)
        e.append(UInt8(0))
        e.append(UInt16(0))
        e.append(index)
        e.append(up ? Netlink.interfaceUp : 0)
        e.append(up ? Netlink.interfaceUp : 0)
    }

    /// RTM_GETLINK by name: the reply is an RTM_NEWLINK, or ENODEV.
    static func getLink(name: String) -> NetlinkRequest {
        var e = NetlinkEncoder()
        linkHeader(into: &e)
        e.attribute(Netlink.linkName, string: name)
        return NetlinkRequest(type: Netlink.getLink, flags: Netlink.request, body: e.bytes,
                              operation: "RTM_GETLINK", subject: name)
    }

    /// RTM_NEWLINK creating a bridge, up from the start, with a fixed MAC: left to itself a bridge
    /// takes its lowest port's MAC, which changes as containers come and go and leaves the
    /// containers' ARP entries for the gateway stale.
    static func createBridge(name: String, mac: [UInt8]) -> NetlinkRequest {
        var e = NetlinkEncoder()
        linkHeader(up: true, into: &e)
        e.attribute(Netlink.linkName, string: name)
        e.attribute(Netlink.linkAddress, mac)
        e.nested(Netlink.linkInfo) { $0.attribute(Netlink.infoKind, string: "bridge") }
        return NetlinkRequest(type: Netlink.newLink, flags: createFlags, body: e.bytes,
                              operation: "RTM_NEWLINK create bridge", subject: name)
    }

    /// One RTM_NEWLINK for the whole veth pair: the host end named `hostName`, up and enslaved to
    /// `masterIndex`; the peer created directly in the network namespace of `peerPID` as
    /// `peerName` with `peerMAC`, so it never exists on the host under a name that could clash.
    static func createVethPair(hostName: String, masterIndex: Int32, peerName: String,
                               peerPID: Int32, peerMAC: [UInt8]) -> NetlinkRequest {
        var e = NetlinkEncoder()
        linkHeader(up: true, into: &e)
        e.attribute(Netlink.linkName, string: hostName)
        e.attribute(Netlink.linkMaster, uint32: UInt32(bitPattern: masterIndex))
        e.nested(Netlink.linkInfo) { info in
            info.attribute(Netlink.infoKind, string: "veth")
            info.nested(Netlink.infoData) { data in
                data.nested(Netlink.vethPeer) { peer in
                    linkHeader(into: &peer)
                    peer.attribute(Netlink.linkName, string: peerName)
                    peer.attribute(Netlink.linkAddress, peerMAC)
                    peer.attribute(Netlink.linkNamespacePID, uint32: UInt32(bitPattern: peerPID))
                }
            }
        }
        return NetlinkRequest(type: Netlink.newLink, flags: createFlags, body: e.bytes,
                              operation: "RTM_NEWLINK create veth",
                              subject: "\(hostName) with peer \(peerName) in netns of pid \(peerPID)")
    }

    /// RTM_NEWLINK on an existing link, setting IFF_UP.
    static func setUp(index: Int32, name: String) -> NetlinkRequest {
        var e = NetlinkEncoder()
        linkHeader(index: index, up: true, into: &e)
        return NetlinkRequest(type: Netlink.newLink, flags: Netlink.request | Netlink.ack, body: e.bytes,
                              operation: "RTM_NEWLINK set up", subject: name)
    }

    /// RTM_DELLINK by name (for a veth, deleting one end deletes both).
    static func deleteLink(name: String) -> NetlinkRequest {
        var e = NetlinkEncoder()
        linkHeader(into: &e)
        e.attribute(Netlink.linkName, string: name)
        return NetlinkRequest(type: Netlink.deleteLink, flags: Netlink.request | Netlink.ack, body: e.bytes,
                              operation: "RTM_DELLINK", subject: name)
    }

    /// RTM_NEWADDR: `address`/`prefixLength` with the subnet's broadcast, as `ip addr add … brd +`.
    static func addAddress(index: Int32, name: String, address: IPv4Address, prefixLength: Int) -> NetlinkRequest {
        var e = NetlinkEncoder()
        // struct ifaddrmsg: family, prefixlen, flags, scope, index.
        e.append(Netlink.familyIPv4)
        e.append(UInt8(prefixLength))
        e.append(UInt8(0))
        e.append(Netlink.scopeUniverse)
        e.append(UInt32(bitPattern: index))
        e.attribute(Netlink.addressLocal, address.bytes)
        e.attribute(Netlink.addressAddress, address.bytes)
        e.attribute(Netlink.addressBroadcast, IPv4Subnet(address, prefixLength: prefixLength).broadcast.bytes)
        return NetlinkRequest(type: Netlink.newAddress, flags: createFlags, body: e.bytes,
                              operation: "RTM_NEWADDR \(address)/\(prefixLength)", subject: name)
    }

    /// RTM_NEWROUTE: the default route of the main table via `gateway` on interface `index`.
    static func addDefaultRoute(gateway: IPv4Address, index: Int32, name: String) -> NetlinkRequest {
        var e = NetlinkEncoder()
        routeHeader(destinationLength: 0, into: &e)
        e.attribute(Netlink.routeGateway, gateway.bytes)
        e.attribute(Netlink.routeOutputInterface, uint32: UInt32(bitPattern: index))
        return NetlinkRequest(type: Netlink.newRoute, flags: createFlags, body: e.bytes,
                              operation: "RTM_NEWROUTE default via \(gateway)", subject: name)
    }

    /// RTM_GETROUTE dump of every IPv4 route in every table.
    static func dumpIPv4Routes() -> NetlinkRequest {
        var e = NetlinkEncoder()
        e.append(Netlink.familyIPv4)
        e.append(bytes: [UInt8](repeating: 0, count: 11))
        return NetlinkRequest(type: Netlink.getRoute, flags: Netlink.request | Netlink.dump, body: e.bytes,
                              operation: "RTM_GETROUTE dump", subject: "IPv4 routes")
    }

    /// struct rtmsg for a unicast route of the main table, as `ip route add` makes it.
    private static func routeHeader(destinationLength: UInt8, into e: inout NetlinkEncoder) {
        e.append(Netlink.familyIPv4)
        e.append(destinationLength)
        e.append(UInt8(0))               // src_len
        e.append(UInt8(0))               // tos
        e.append(Netlink.tableMain)
        e.append(Netlink.protocolBoot)
        e.append(Netlink.scopeUniverse)
        e.append(Netlink.routeTypeUnicast)
        e.append(UInt32(0))              // flags
    }

    private static let createFlags = Netlink.request | Netlink.ack | Netlink.create | Netlink.exclusive
}
