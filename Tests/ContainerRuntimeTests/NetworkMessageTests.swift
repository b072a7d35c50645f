import Testing
@testable import ContainerRuntime

/// The rtnetlink encoder and decoder on literal bytes (x86_64/arm64: little-endian host order).
struct NetworkMessageTests {
    @Test func newAddressEncodesExactlyAsTheKernelExpects() {
        let request = RouteMessages.addAddress(index: 5, name: "eth0",
                                               address: IPv4Address(0x0AD5_0002), prefixLength: 16)
        #expect(request.encoded(sequence: 1) == [
            0x30, 0x00, 0x00, 0x00,  // nlmsg_len 48
            0x14, 0x00,              // RTM_NEWADDR
            0x05, 0x06,              // NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE
            0x01, 0x00, 0x00, 0x00,  // seq 1
            0x00, 0x00, 0x00, 0x00,  // port 0
            0x02, 0x10, 0x00, 0x00,  // AF_INET, /16, flags 0, scope universe
            0x05, 0x00, 0x00, 0x00,  // ifindex 5
            0x08, 0x00, 0x02, 0x00, 0x0a, 0xd5, 0x00, 0x02,  // IFA_LOCAL 10.213.0.2
            0x08, 0x00, 0x01, 0x00, 0x0a, 0xd5, 0x00, 0x02,  // IFA_ADDRESS 10.213.0.2
            0x08, 0x00, 0x04, 0x00, 0x0a, 0xd5, 0xff, 0xff,  // IFA_BROADCAST 10.213.255.255
        ])
        #expect(request.operation == "RTM_NEWADDR 10.213.0.2/16")
        #expect(request.subject == "eth0")
    }

    @Test func defaultRouteEncodesGatewayAndInterface() {
        let request = RouteMessages.addDefaultRoute(gateway: IPv4Address(0x0AD5_0001), index: 2, name: "eth0")
        #expect(request.body == [
            0x02, 0x00, 0x00, 0x00, 0xfe, 0x03, 0x00, 0x01,  // AF_INET, dst /0, main table, boot, universe, unicast
            0x00, 0x00, 0x00, 0x00,                          // rtm_flags
            0x08, 0x00, 0x05, 0x00, 0x0a, 0xd5, 0x00, 0x01,  // RTA_GATEWAY 10.213.0.1
            0x08, 0x00, 0x04, 0x00, 0x02, 0x00, 0x00, 0x00,  // RTA_OIF 2
        ])
    }

    @Test(arguments: [
        // (string, attribute length without padding, bytes taken with padding)
        ("eth0", 9, 12),       // 4 + "eth0\0"   -> padded by 3
        ("isolab0", 12, 12),   // 4 + 8 exactly: no padding
        ("lo", 7, 8),
        ("isl0123456789a", 19, 20),
    ])
    func stringAttributesArePaddedToFourBytes(name: String, length: Int, padded: Int) {
        var e = NetlinkEncoder()
        e.attribute(3, string: name)
        #expect(e.bytes.count == padded)
        #expect(Int(e.bytes[0]) | Int(e.bytes[1]) << 8 == length)
        #expect(e.bytes[(4 + name.utf8.count)...].allSatisfy { $0 == 0 })
    }

    @Test func nestedAttributeLengthCountsPaddedChildren() {
        var e = NetlinkEncoder()
        e.nested(18) { $0.attribute(1, string: "veth") }   // child: 4 + 5 = 9, padded to 12
        #expect(e.bytes == [0x10, 0x00, 0x12, 0x00,
                            0x09, 0x00, 0x01, 0x00, 0x76, 0x65, 0x74, 0x68, 0x00, 0x00, 0x00, 0x00])
    }

    @Test func bridgeIsCreatedUpWithAFixedMAC() {
        let request = RouteMessages.createBridge(name: "isolab0", mac: IPv4Address(0x0AD5_0001).macAddress)
        #expect(request.type == 16)
        #expect(request.flags == 0x605)
        #expect(request.body == [
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,  // AF_UNSPEC, type 0, index 0
            0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,  // flags IFF_UP, change IFF_UP
            0x0c, 0x00, 0x03, 0x00, 0x69, 0x73, 0x6f, 0x6c, 0x61, 0x62, 0x30, 0x00,  // IFLA_IFNAME "isolab0"
            0x0a, 0x00, 0x01, 0x00, 0x02, 0x42, 0x0a, 0xd5, 0x00, 0x01, 0x00, 0x00,  // IFLA_ADDRESS, padded
            0x10, 0x00, 0x12, 0x00,                                                  // IFLA_LINKINFO
            0x0b, 0x00, 0x01, 0x00, 0x62, 0x72, 0x69, 0x64, 0x67, 0x65, 0x00, 0x00,  //   IFLA_INFO_KIND "bridge"
        ])
    }

    @Test func vethPairCarriesPeerNameNamespaceAndMACInsideLinkInfo() throws {
        let request = RouteMessages.createVethPair(hostName: "isl0123456789a", masterIndex: 7, peerName: "eth0",
                                                   peerPID: 4242, peerMAC: IPv4Address(0x0AD5_0003).macAddress)
        #expect(request.type == 16)
        #expect(request.flags == 0x605)
        // ifinfomsg: AF_UNSPEC, index 0, flags and change IFF_UP.
        #expect(Array(request.body[0..<16]) == [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0])
        let top = NetlinkAttribute.parse(Array(request.body[16...]))
        #expect(top.map(\.type) == [3, 10, 18])
        #expect(top[0].string == "isl0123456789a")
        #expect(top[1].uint32 == 7)
        let info = NetlinkAttribute.parse(top[2].payload)
        #expect(info.map(\.type) == [1, 2])
        #expect(info[0].string == "veth")
        let data = NetlinkAttribute.parse(info[1].payload)
        #expect(data.map(\.type) == [1])
        let peer = data[0].payload
        #expect(Array(peer[0..<16]) == [UInt8](repeating: 0, count: 16))   // peer stays down: set up inside
        let peerAttributes = NetlinkAttribute.parse(Array(peer[16...]))
        #expect(peerAttributes.map(\.type) == [3, 1, 19])
        #expect(peerAttributes[0].string == "eth0")
        #expect(peerAttributes[1].payload == [0x02, 0x42, 0x0a, 0xd5, 0x00, 0x03])
        #expect(peerAttributes[2].uint32 == 4242)
    }

    @Test func errorReplyWithExtendedAckGivesErrnoAndText() throws {
        let datagram: [UInt8] = [
            0x30, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x03,  // len 48, NLMSG_ERROR, NLM_F_CAPPED | NLM_F_ACK_TLVS
            0x07, 0x00, 0x00, 0x00, 0x99, 0x00, 0x00, 0x00,  // seq 7, port 0x99
            0xef, 0xff, 0xff, 0xff,                          // error -17 (EEXIST)
            0x20, 0x00, 0x00, 0x00, 0x10, 0x00, 0x05, 0x06,  // quoted request header
            0x07, 0x00, 0x00, 0x00, 0x99, 0x00, 0x00, 0x00,
            0x0a, 0x00, 0x01, 0x00, 0x62, 0x75, 0x73, 0x79, 0x21, 0x00, 0x00, 0x00,  // NLMSGERR_ATTR_MSG "busy!"
        ]
        let messages = try NetlinkMessage.split(datagram)
        #expect(messages.count == 1)
        #expect(messages[0].sequence == 7)
        let reply = try #require(messages[0].errorReply)
        #expect(reply.errno == 17)
        #expect(reply.message == "busy!")
    }

    @Test func errorReplyQuotingTheWholeRequestStillFindsTheText() throws {
        // Without NETLINK_CAP_ACK: the quoted request is 20 bytes (header + 4), then the TLVs.
        let datagram: [UInt8] = [
            0x30, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x02,  // len 48, NLMSG_ERROR, NLM_F_ACK_TLVS only
            0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0xed, 0xff, 0xff, 0xff,                          // error -19 (ENODEV)
            0x14, 0x00, 0x00, 0x00, 0x11, 0x00, 0x05, 0x00,  // quoted request: len 20
            0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0xaa, 0xbb, 0xcc, 0xdd,                          // its body
            0x08, 0x00, 0x01, 0x00, 0x6e, 0x6f, 0x21, 0x00,  // NLMSGERR_ATTR_MSG "no!"
        ]
        let reply = try #require(try NetlinkMessage.split(datagram).first?.errorReply)
        #expect(reply.errno == 19)
        #expect(reply.message == "no!")
    }

    @Test func acknowledgementIsErrorZero() throws {
        let datagram: [UInt8] = [0x24, 0, 0, 0, 0x02, 0, 0x00, 0x01, 0x03, 0, 0, 0, 0, 0, 0, 0,
                                 0, 0, 0, 0,
                                 0x10, 0, 0, 0, 0x11, 0, 0x05, 0, 0x03, 0, 0, 0, 0, 0, 0, 0]
        let reply = try #require(try NetlinkMessage.split(datagram).first?.errorReply)
        #expect(reply.errno == 0)
        #expect(reply.message == nil)
    }

    @Test func splitRejectsAMessageLongerThanTheDatagram() {
        #expect(throws: RuntimeError.self) {
            try NetlinkMessage.split([0x40, 0, 0, 0, 0x03, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
        }
    }

    @Test func splitReadsTwoMessagesInOneDatagram() throws {
        let one: [UInt8] = [0x14, 0, 0, 0, 0x18, 0, 0x02, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0xaa, 0xbb, 0xcc, 0xdd]
        let done: [UInt8] = [0x14, 0, 0, 0, 0x03, 0, 0x02, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        let messages = try NetlinkMessage.split(one + done)
        #expect(messages.map(\.type) == [24, 3])
        #expect(messages[0].payload == [0xaa, 0xbb, 0xcc, 0xdd])
    }

    @Test func routeEntryDecodesDestinationTableAndInterface() throws {
        // 192.0.2.0/24 dev 4, main table, as the kernel sends it in a dump.
        let payload: [UInt8] = [0x02, 0x18, 0x00, 0x00, 0xfe, 0x02, 0xfd, 0x01, 0x00, 0x00, 0x00, 0x00,
                                0x08, 0x00, 0x0f, 0x00, 0xfe, 0x00, 0x00, 0x00,   // RTA_TABLE 254
                                0x08, 0x00, 0x01, 0x00, 0xc0, 0x00, 0x02, 0x00,   // RTA_DST 192.0.2.0
                                0x08, 0x00, 0x04, 0x00, 0x04, 0x00, 0x00, 0x00]   // RTA_OIF 4
        let route = try #require(RouteEntry(payload: payload))
        #expect(route.destination == IPv4Subnet("192.0.2.0/24"))
        #expect(route.table == 254)
        #expect(route.type == 1)
        #expect(route.outputInterface == 4)
    }

    @Test func routeWithoutDestinationIsTheDefaultRoute() throws {
        let payload: [UInt8] = [0x02, 0x00, 0x00, 0x00, 0xfe, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00,
                                0x08, 0x00, 0x05, 0x00, 0xc0, 0x00, 0x02, 0x01]   // RTA_GATEWAY only
        let route = try #require(RouteEntry(payload: payload))
        #expect(route.destination == IPv4Subnet("0.0.0.0/0"))
        #expect(route.outputInterface == nil)
    }

    @Test func ipv6RoutesAreNotDecoded() {
        #expect(RouteEntry(payload: [10, 64, 0, 0, 254, 2, 0, 1, 0, 0, 0, 0]) == nil)
    }
}
