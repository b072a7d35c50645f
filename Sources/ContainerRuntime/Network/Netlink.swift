/// rtnetlink's numbers, copied from the kernel's uapi headers (linux/netlink.h, linux/rtnetlink.h,
/// linux/if_link.h, linux/if_addr.h, linux/veth.h): Glibc's module map does not carry them, and
/// they are kernel ABI that never changes.
enum Netlink {
    // Protocol and socket options (SOL_NETLINK level).
    static let routeProtocol: Int32 = 0          // NETLINK_ROUTE
    static let solNetlink: Int32 = 270           // SOL_NETLINK
    static let capAckOption: Int32 = 10          // NETLINK_CAP_ACK: errors quote only the header
    static let extAckOption: Int32 = 11          // NETLINK_EXT_ACK: errors carry a message

    // Message header.
    static let headerLength = 16                 // struct nlmsghdr
    static let error: UInt16 = 2                 // NLMSG_ERROR
    static let done: UInt16 = 3                  // NLMSG_DONE

    // Header flags.
    static let request: UInt16 = 0x1             // NLM_F_REQUEST
    static let multi: UInt16 = 0x2               // NLM_F_MULTI
    static let ack: UInt16 = 0x4                 // NLM_F_ACK
    static let dump: UInt16 = 0x300              // NLM_F_ROOT | NLM_F_MATCH
    static let exclusive: UInt16 = 0x200         // NLM_F_EXCL
    static let create: UInt16 = 0x400            // NLM_F_CREATE
    static let capped: UInt16 = 0x100            // NLM_F_CAPPED, on an NLMSG_ERROR reply
    static let ackTLVs: UInt16 = 0x200           // NLM_F_ACK_TLVS, on an NLMSG_ERROR reply
    static let errorMessageAttribute: UInt16 = 1 // NLMSGERR_ATTR_MSG

    // Message types.
    static let newLink: UInt16 = 16              // RTM_NEWLINK
    static let deleteLink: UInt16 = 17           // RTM_DELLINK
    static let getLink: UInt16 = 18              // RTM_GETLINK
    static let newAddress: UInt16 = 20           // RTM_NEWADDR
    static let newRoute: UInt16 = 24             // RTM_NEWROUTE
    static let getRoute: UInt16 = 26             // RTM_GETROUTE

    // Address families.
    static let familyUnspecified: UInt8 = 0      // AF_UNSPEC
    static let familyIPv4: UInt8 = 2             // AF_INET

    // Link flags (struct ifinfomsg).
    static let interfaceUp: UInt32 = 0x1         // IFF_UP

    // Link attributes.
    static let linkAddress: UInt16 = 1           // IFLA_ADDRESS
    static let linkName: UInt16 = 3              // IFLA_IFNAME
    static let linkMaster: UInt16 = 10           // IFLA_MASTER
    static let linkInfo: UInt16 = 18             // IFLA_LINKINFO
    static let linkNamespacePID: UInt16 = 19     // IFLA_NET_NS_PID
    static let infoKind: UInt16 = 1              // IFLA_INFO_KIND
    static let infoData: UInt16 = 2              // IFLA_INFO_DATA
    static let vethPeer: UInt16 = 1              // VETH_INFO_PEER

    // Address attributes.
    static let addressAddress: UInt16 = 1        // IFA_ADDRESS
    static let addressLocal: UInt16 = 2          // IFA_LOCAL
    static let addressBroadcast: UInt16 = 4      // IFA_BROADCAST

    // Route attributes and values.
    static let routeDestination: UInt16 = 1      // RTA_DST
    static let routeOutputInterface: UInt16 = 4  // RTA_OIF
    static let routeGateway: UInt16 = 5          // RTA_GATEWAY
    static let routeTable: UInt16 = 15           // RTA_TABLE
    static let tableMain: UInt8 = 254            // RT_TABLE_MAIN
    static let protocolBoot: UInt8 = 3           // RTPROT_BOOT, what `ip route add` uses
    static let scopeUniverse: UInt8 = 0          // RT_SCOPE_UNIVERSE
    static let routeTypeUnicast: UInt8 = 1       // RTN_UNICAST

    /// Netlink pads every header and attribute to 4 bytes (NLMSG_ALIGN, NLA_ALIGN).
    static func aligned(_ length: Int) -> Int { (length + 3) & ~3 }
}
