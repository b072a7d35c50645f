/// Where isolab's network lives on the host. One configuration is real (`standard`); tests use
/// others so that they never share a bridge or leases with containers running at the same time.
struct NetworkConfiguration: Sendable, Equatable {
    var bridgeName: String
    var subnet: IPv4Subnet
    /// The flock that serialises every attach and detach on this host.
    var lockPath: String
    /// Lease state; removed whole when the last lease goes.
    var stateDirectory: String

    var leasesDirectory: String { stateDirectory + "/leases" }
    /// The bridge's own address: the first in the subnet, and every container's default gateway.
    var gateway: IPv4Address { IPv4Address(subnet.network.value + 1) }

    /// `isolab0` on 10.213.0.0/16, state in /run/isolab/network. Fixed paths, not the per-root run
    /// directory: the bridge is one per host, so every root and namespace must share one allocator.
    static let standard = NetworkConfiguration(bridgeName: "isolab0",
                                               subnet: IPv4Subnet(IPv4Address(0x0AD5_0000), prefixLength: 16),
                                               lockPath: "/run/isolab/network.lock",
                                               stateDirectory: "/run/isolab/network")
}
