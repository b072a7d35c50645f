import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// isolab's bridge network: one bridge per host in a subnet of its own, shared by every root and
/// namespace; addresses come from an allocator guarded by a host-wide lock.
/// The same type runs each user-defined network (`docker network create`): its own bridge and
/// /24, the same host lock.
///
/// Everything is done over rtnetlink; nothing outside the bridge, the veth pairs and the
/// containers' own namespaces is changed (no NAT, no firewall, no sysctl): containers reach the
/// host and each other, nothing else.
public struct NetworkManager: Sendable {
    let configuration: NetworkConfiguration

    public init() { configuration = .standard }

    /// For tests: a bridge, subnet and state of their own.
    init(configuration: NetworkConfiguration) { self.configuration = configuration }

    /// Creates the bridge if needed, allocates an address, makes a veth pair, moves one end into
    /// the network namespace of `pid` as `interface` with the address, brings `lo` up and (for the
    /// container's first network) adds a default route. `whileLocked` runs first under the host
    /// lock: a user network checks there that it still exists (`network rm` takes the same lock).
    public func attach(containerID: String, pid: Int32) throws -> NetworkAttachment {
        try attach(containerID: containerID, pid: pid, interface: "eth0", defaultRoute: true, whileLocked: {})
    }

    func attach(containerID: String, pid: Int32, interface: String, defaultRoute: Bool,
                whileLocked: () throws -> Void) throws -> NetworkAttachment {
        let hostVeth = try configuration.hostVethName(containerID: containerID)
        try NetworkManager.requireOwnNetworkNamespace(pid: pid)
        return try FileLock(path: configuration.lockPath).withLock {
            try whileLocked()
            let host = try NetlinkSocket()
            // Runs last whatever failed: the bridge and state go if no other container holds a lease.
            var undo: [(String, () throws -> Void)] = [("remove unused bridge", { try removeBridgeIfUnused(host) })]
            do {
                let current = try reclaimStaleLeases(host)
                // The same container again (a restart, `start` after it ended) while the kernel has
                // not yet deleted its old veth with its old namespace: delete it now, as the same
                // name is made again. Its lease is marked gone, or was released with the bridge.
                let gone = current.gone.contains(containerID)
                let leased = current.leases.values.contains(containerID)
                if gone || !leased, try host.linkIndex(hostVeth) != nil {
                    try host.perform(RouteMessages.deleteLink(name: hostVeth), tolerating: ENODEV)
                }
                if gone {
                    try allocator.release(containerID: containerID)
                    unmarkGone(containerID)
                }
                let bridgeIndex = try ensureBridge(host)
                let address = try allocator.lease(for: containerID)
                undo.append(("release lease \(address)", { try allocator.release(containerID: containerID) }))
                try host.perform(RouteMessages.createVethPair(hostName: hostVeth, masterIndex: bridgeIndex,
                                                              peerName: interface, peerPID: pid,
                                                              peerMAC: address.macAddress))
                undo.append(("delete \(hostVeth)", {
                    try host.perform(RouteMessages.deleteLink(name: hostVeth), tolerating: ENODEV)
                }))
                try configureInside(pid: pid, interface: interface, address: address, defaultRoute: defaultRoute)
                var attachment = NetworkAttachment(ipAddress: address.description, prefixLength: configuration.subnet.prefixLength,
                                                   gateway: configuration.gateway.description,
                                                   macAddress: NetworkManager.format(mac: address.macAddress),
                                                   hostVeth: hostVeth, bridge: configuration.bridgeName)
                attachment.interface = interface == "eth0" ? nil : interface   // nil: eth0, as older states say
                return attachment
            } catch {
                throw NetworkManager.undoing(undo, after: error)
            }
        }
    }

    /// Releases the address, deletes the host veth if it still exists, and removes the bridge
    /// when no container holds an address any more. Safe to call twice.
    ///
    /// `namespaceGone`: the container's init has ended, so its network namespace is going and the
    /// kernel deletes the veth pair with it. Deleting it here would wait for an RCU grace period
    /// inside the netlink call (13-60 ms a container, most of an `rm -f`); the kernel's namespace
    /// clean-up batches many. While other containers use the bridge, the veth is left to the
    /// kernel: the lease stays, marked gone, until the veth has disappeared (`reclaimStaleLeases`,
    /// at every attach and detach), so its address is not handed out while the old pair exists.
    /// The last live container deletes the gone ones' veths that are still there, its own, the
    /// bridge and the state, without waiting for the kernel. Deleting the bridge is the slow part
    /// and cannot be helped: the kernel waits for two RCU barriers (`br_multicast_dev_del`,
    /// `netdev_run_todo`), 35-60 ms on this machine.
    public func detach(containerID: String, attachment: NetworkAttachment?, namespaceGone: Bool = false) throws {
        let hostVeth = try attachment?.hostVeth ?? configuration.hostVethName(containerID: containerID)
        try FileLock(path: configuration.lockPath).withLock {
            let host = try NetlinkSocket()
            if namespaceGone {
                let (leases, gone) = try reclaimStaleLeases(host)
                let live = Set(leases.values).subtracting(gone).subtracting([containerID])
                if live.isEmpty {
                    // The last live one: the bridge goes, and with it every lease. A veth still
                    // there belongs to a namespace the kernel is still dismantling, or that
                    // something else holds open (`ip netns attach`), so it is deleted now rather
                    // than waited for; one that is gone costs nothing (ENODEV).
                    for (address, id) in leases where id == containerID || gone.contains(id) {
                        let veth = id == containerID ? hostVeth : try configuration.hostVethName(containerID: id)
                        try host.perform(RouteMessages.deleteLink(name: veth), tolerating: ENODEV)
                        try allocator.release(address: address, heldBy: id)
                        unmarkGone(id)
                    }
                    try removeBridgeIfUnused(host)
                    return
                }
                if leases.values.contains(containerID), try host.linkIndex(hostVeth) != nil {
                    try markGone(containerID)
                    return
                }
            }
            // The veth first: should deleting it fail, the lease stays and a retry finds both.
            // ENODEV: gone already, when the container's namespace died first (a veth dies with its peer).
            try host.perform(RouteMessages.deleteLink(name: hostVeth), tolerating: ENODEV)
            try allocator.release(containerID: containerID)
            unmarkGone(containerID)
            try reclaimStaleLeases(host)
            try removeBridgeIfUnused(host)
        }
    }

    /// Where leases whose veth the kernel is deleting are marked: one empty file per container id.
    var goneDirectory: String { configuration.stateDirectory + "/gone" }

    func goneContainers() -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: goneDirectory)) ?? [])
    }

    private func markGone(_ containerID: String) throws {
        if mkdir(goneDirectory, 0o755) != 0 && errno != EEXIST { throw RuntimeError.errno("mkdir", goneDirectory) }
        let path = goneDirectory + "/" + containerID
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw RuntimeError.errno("open", path) }
        close(fd)
    }

    /// Removes the mark, and the directory once it is empty (older isolab versions remove the
    /// state directory with rmdir and know nothing of it).
    private func unmarkGone(_ containerID: String) {
        unlink(goneDirectory + "/" + containerID)
        rmdir(goneDirectory)
    }

    /// For `network rm`, called with the host lock held: the holders of leases that are still
    /// live; when there are none, the bridge and the lease state are gone on return.
    func retireLocked() throws -> [String] {
        let host = try NetlinkSocket()
        let holders = try reclaimStaleLeases(host).leases.values.sorted()
        if holders.isEmpty { try removeBridgeIfUnused(host) }
        return holders
    }

    var allocator: AddressAllocator {
        AddressAllocator(directory: configuration.leasesDirectory, subnet: configuration.subnet)
    }

    /// The default bridge's veth name: `isl` + the first 11 characters of the id.
    static func hostVethName(containerID: String) throws -> String {
        try NetworkConfiguration.standard.hostVethName(containerID: containerID)
    }

    /// Refuses a process that lives in our own network namespace (a container run without one,
    /// or a wrong pid): its "eth0" and default route would be made on the host itself.
    static func requireOwnNetworkNamespace(pid: Int32) throws {
        var own = stat(), target = stat()
        guard stat("/proc/thread-self/ns/net", &own) == 0 else { throw RuntimeError.errno("stat", "/proc/thread-self/ns/net") }
        let path = "/proc/\(pid)/ns/net"
        guard pid > 0, stat(path, &target) == 0 else {
            throw RuntimeError.errno("network: stat", path, pid > 0 ? errno : ESRCH)
        }
        if own.st_dev == target.st_dev && own.st_ino == target.st_ino {
            throw RuntimeError(.invalidArgument, "network: process \(pid) shares the host's network namespace; "
                               + "refusing to add eth0 and a default route to the host")
        }
    }

    static func format(mac: [UInt8]) -> String {
        mac.map { CFormat.string("%02x", $0) }.joined(separator: ":")
    }

    /// The bridge's index, creating it (with the gateway address, up) when missing. Before
    /// creating, refuses a subnet that the host already routes: containers would shadow or be
    /// shadowed by real hosts.
    private func ensureBridge(_ host: NetlinkSocket) throws -> Int32 {
        let name = configuration.bridgeName
        if let index = try host.linkIndex(name) {
            // Left by an interrupted run, or by hand: make sure it is as attach would have made it.
            try host.perform(RouteMessages.addAddress(index: index, name: name, address: configuration.gateway,
                                                      prefixLength: configuration.subnet.prefixLength),
                             tolerating: EEXIST)
            try host.perform(RouteMessages.setUp(index: index, name: name))
            return index
        }
        if let clash = try host.ipv4Routes().first(where: { $0.destination.prefixLength > 0
                                                          && $0.destination.overlaps(configuration.subnet) }) {
            throw RuntimeError(.conflict, "network: cannot create bridge \(name): the host already routes "
                               + "\(clash.destination) (\(NetworkManager.interfaceName(clash.outputInterface)), "
                               + "table \(clash.table)), which overlaps isolab's subnet \(configuration.subnet)")
        }
        try host.perform(RouteMessages.createBridge(name: name, mac: configuration.gateway.macAddress))
        let index = try host.requireLinkIndex(name)
        try host.perform(RouteMessages.addAddress(index: index, name: name, address: configuration.gateway,
                                                  prefixLength: configuration.subnet.prefixLength))
        return index
    }

    /// Inside the container's namespace: eth0 gets its address and comes up, lo comes up, and the
    /// default route goes via the bridge.
    private func configureInside(pid: Int32, interface: String, address: IPv4Address, defaultRoute: Bool) throws {
        let inside = try NetlinkSocket(networkNamespaceOf: pid)
        let eth = try inside.requireLinkIndex(interface)
        let lo = try inside.requireLinkIndex("lo")
        try inside.perform(RouteMessages.addAddress(index: eth, name: interface, address: address,
                                                    prefixLength: configuration.subnet.prefixLength))
        try inside.perform(RouteMessages.setUp(index: eth, name: interface))
        try inside.perform(RouteMessages.setUp(index: lo, name: "lo"))
        if defaultRoute {
            try inside.perform(RouteMessages.addDefaultRoute(gateway: configuration.gateway, index: eth, name: interface))
        }
    }

    /// Releases the leases of containers that died without a detach. A container's host veth
    /// lives exactly as long as its network namespace, and outside the lock every lease has its
    /// veth (attach makes both, detach removes both, each under the lock), so a lease whose veth is
    /// gone belongs to a container that is gone. Called with the lock held. Returns the leases and
    /// gone marks that remain, so callers need not list them again.
    @discardableResult
    private func reclaimStaleLeases(_ host: NetlinkSocket) throws -> (leases: [IPv4Address: String], gone: Set<String>) {
        var leases = try allocator.leases()
        for (address, containerID) in leases {
            // Empty: its writer died between create and write, and cannot be running (we hold
            // the lock). Only ids that passed hostVethName are written, so other content is not
            // ours to judge and is left alone.
            if containerID.isEmpty {
                try allocator.release(address: address, heldBy: containerID)
                leases[address] = nil
            } else if let veth = try? configuration.hostVethName(containerID: containerID),
                      try host.linkIndex(veth) == nil {
                try allocator.release(address: address, heldBy: containerID)
                unmarkGone(containerID)
                leases[address] = nil
            }
        }
        // A mark whose lease is gone (released by an older isolab) goes too.
        let holders = Set(leases.values)
        var gone = goneContainers()
        for id in gone where !holders.contains(id) {
            unmarkGone(id)
            gone.remove(id)
        }
        return (leases, gone)
    }

    /// With no lease left, deletes the bridge and the state directory. Called with the lock held.
    private func removeBridgeIfUnused(_ host: NetlinkSocket) throws {
        guard try allocator.leases().isEmpty else { return }
        try host.perform(RouteMessages.deleteLink(name: configuration.bridgeName), tolerating: ENODEV)
        for dir in [configuration.leasesDirectory, goneDirectory, configuration.stateDirectory] {
            if rmdir(dir) != 0 && errno != ENOENT { throw RuntimeError.errno("rmdir", dir) }
        }
    }

    /// Runs the undo steps last-in, first-out, and returns the original error, with any step
    /// that failed named in it rather than dropped.
    private static func undoing(_ undo: [(String, () throws -> Void)], after error: Error) -> Error {
        var failures: [String] = []
        for (what, step) in undo.reversed() {
            do { try step() } catch { failures.append("\(what): \(error)") }
        }
        guard !failures.isEmpty else { return error }
        let base = error as? RuntimeError ?? RuntimeError(.failed, "\(error)")
        return RuntimeError(base.kind, base.message + " (clean-up also failed: " + failures.joined(separator: "; ") + ")")
    }

    private static func interfaceName(_ index: Int32?) -> String {
        guard let index, index > 0 else { return "no interface" }
        var buffer = [CChar](repeating: 0, count: Int(IF_NAMESIZE) + 1)
        guard if_indextoname(UInt32(index), &buffer) != nil else { return "interface \(index)" }
        return "dev " + String(cString: buffer)
    }
}
