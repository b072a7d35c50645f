import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Where one of isolab's networks lives on the host: the default bridge (`standard`), a
/// user-defined network (`userNetwork`), or a test's own. Every one shares the host lock.
struct NetworkConfiguration: Sendable, Equatable {
    var bridgeName: String
    var subnet: IPv4Subnet
    /// The flock that serialises every attach and detach on this host.
    var lockPath: String
    /// Lease state; removed whole when the last lease goes.
    var stateDirectory: String
    /// Set for user-defined networks: two hex digits naming the network's /24 in the host veth
    /// names, so a container on several networks gets one distinct veth per network.
    var vethTag: String? = nil

    var leasesDirectory: String { stateDirectory + "/leases" }
    /// The bridge's own address: the first in the subnet, and every container's default gateway.
    var gateway: IPv4Address { IPv4Address(subnet.network.value + 1) }

    /// `isolab0` on 10.213.0.0/16, state in /run/isolab/network. Fixed paths, not the per-root run
    /// directory: the bridge is one per host, so every root and namespace must share one allocator.
    static let standard = NetworkConfiguration(bridgeName: "isolab0",
                                               subnet: IPv4Subnet(IPv4Address(0x0AD5_0000), prefixLength: 16),
                                               lockPath: "/run/isolab/network.lock",
                                               stateDirectory: "/run/isolab/network")

    /// A user-defined network: its own bridge and a /24 of `NetworkStore.pool`, its leases under
    /// /run/isolab/network-<bridge>, guarded by the same host lock as the default bridge.
    static func userNetwork(bridge: String, subnet: IPv4Subnet) -> NetworkConfiguration {
        NetworkConfiguration(bridgeName: bridge, subnet: subnet, lockPath: standard.lockPath,
                             stateDirectory: "/run/isolab/network-" + bridge,
                             vethTag: CFormat.string("%02x", (subnet.network.value >> 8) & 0xff))
    }

    /// The configuration an attachment was made with (its bridge and subnet are recorded in it).
    init?(attachment: NetworkAttachment) {
        guard attachment.networkID != nil, let address = IPv4Address(attachment.ipAddress),
              (0...32).contains(attachment.prefixLength) else { return nil }
        self = .userNetwork(bridge: attachment.bridge, subnet: IPv4Subnet(address, prefixLength: attachment.prefixLength))
    }

    init(bridgeName: String, subnet: IPv4Subnet, lockPath: String, stateDirectory: String, vethTag: String? = nil) {
        self.bridgeName = bridgeName; self.subnet = subnet; self.lockPath = lockPath
        self.stateDirectory = stateDirectory; self.vethTag = vethTag
    }

    /// The host end of a container's veth: `isl` + 11 characters of the id on the default
    /// bridge, `isv` + the network's tag + 10 on a user network; at most 15 characters (IFNAMSIZ).
    func hostVethName(containerID: String) throws -> String {
        guard !containerID.isEmpty, containerID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw RuntimeError(.invalidArgument, "network: container id '\(containerID)' is not alphanumeric")
        }
        guard let tag = vethTag else { return "isl" + containerID.prefix(11) }
        return "isv" + tag + containerID.prefix(10)
    }
}
