import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// User-defined networks seen from containers: joining at start, `network connect` and
/// `disconnect`, leaving at clean-up, and the /etc/hosts entries through which containers of one
/// network find each other by name (what Docker's embedded DNS answers).
extension Runtime {
    var networks: NetworkStore { NetworkStore(context: context) }

    /// Every network a running container is on: the one it started with, then those connected.
    public static func attachments(_ c: Container) -> [NetworkAttachment] {
        [c.run?.network].compactMap { $0 } + (c.run?.extraNetworks ?? [])
    }

    /// At start: eth0 on the container's user network, its aliases recorded for peers.
    func joinUserNetwork(_ cfg: ContainerConfig, pid: Int32, undo: inout Teardown) throws -> NetworkAttachment {
        let network = try networks.find(cfg.networkMode)
        let configuration = try Self.configuration(of: network)
        undo.userNetwork = configuration
        var attachment = try NetworkManager(configuration: configuration).attach(
            containerID: cfg.id, pid: pid, interface: "eth0", defaultRoute: true,
            whileLocked: { try networks.confirmLocked(network) })
        attachment.networkID = network.id
        attachment.networkName = network.name
        attachment.aliases = cfg.networkAliases.flatMap { $0.isEmpty ? nil : $0 }
        return attachment
    }

    /// `network connect NETWORK CONTAINER`: one more interface (eth1, eth2...) on a running
    /// container, without a default route (the first network keeps that).
    public func connect(network ref: String, container cref: String, aliases: [String]) throws {
        try Self.validateAliases(aliases)
        let network = try networks.find(ref)
        let c = try store.find(cref)
        guard c.isRunning, var state = c.run else {
            throw RuntimeError.refused(.notRunning, "container \(c.id) is not running (isolab connects running containers only)", operation: "connect network")
        }
        switch NamespaceMode.network(c.config.networkMode) {
        case .bridge?, .user?: break
        case .loopbackOnly?, nil:
            throw RuntimeError.refused(.invalidArgument, "container sharing network namespace with another container or host cannot be connected to any other network", operation: "connect network")
        }
        let current = Self.attachments(c)
        if current.contains(where: { $0.networkID == network.id }) {
            throw RuntimeError.refused(.conflict, "endpoint with name \(c.config.name) already exists in network \(network.name)", operation: "connect network")
        }
        let used = Set(current.map { $0.interface ?? "eth0" })
        guard let interface = (0..<64).lazy.map({ "eth\($0)" }).first(where: { !used.contains($0) }) else {
            throw RuntimeError.refused(.failed, "container \(c.config.name) has too many networks", operation: "connect network")
        }
        let configuration = try Self.configuration(of: network)
        var attachment = try NetworkManager(configuration: configuration).attach(
            containerID: c.id, pid: state.pid, interface: interface, defaultRoute: current.isEmpty,
            whileLocked: { try networks.confirmLocked(network) })
        attachment.networkID = network.id
        attachment.networkName = network.name
        attachment.aliases = aliases.isEmpty ? nil : aliases
        if state.network == nil && current.isEmpty { state.network = attachment } else {
            state.extraNetworks = (state.extraNetworks ?? []) + [attachment]
        }
        do { try store.writeRunState(state, id: c.id) } catch {
            try? NetworkManager(configuration: configuration).detach(containerID: c.id, attachment: attachment)
            throw error
        }
        refreshHosts(networkIDs: [network.id])
    }

    /// `network disconnect NETWORK CONTAINER`: its interface on that network goes (the veth and
    /// its peer), the address is released, and peers stop resolving its name there.
    public func disconnect(network ref: String, container cref: String) throws {
        let network = try networks.find(ref)
        let c = try store.find(cref)
        guard var state = c.run, let attachment = Self.attachments(c).first(where: { $0.networkID == network.id }) else {
            throw RuntimeError.refused(.notFound(.network), "container \(c.id) is not connected to network \(network.name)", operation: "disconnect network")
        }
        let configuration = try Self.configuration(of: network)
        try NetworkManager(configuration: configuration).detach(containerID: c.id, attachment: attachment)
        if state.network?.networkID == network.id { state.network = nil }
        state.extraNetworks = state.extraNetworks?.filter { $0.networkID != network.id }
        try store.writeRunState(state, id: c.id)
        refreshHosts(networkIDs: [network.id], including: c.id)
    }

    /// At clean-up: leaves every user network the run state names. A start killed before it
    /// recorded its attachment leaves a lease whose veth died with the container's namespace;
    /// the next attach or `network rm` on that network reclaims it.
    func leaveUserNetworks(_ c: Container) -> (left: Set<String>, error: Error?) {
        var left: Set<String> = []
        var firstError: Error?
        for attachment in Self.attachments(c) {
            guard let id = attachment.networkID, let configuration = NetworkConfiguration(attachment: attachment) else { continue }
            do {
                try NetworkManager(configuration: configuration).detach(containerID: c.id, attachment: attachment)
                left.insert(id)
            } catch { firstError = firstError ?? error }
        }
        return (left, firstError)
    }

    /// `namespace rm`, after its containers: its networks, their bridges and reservations.
    func removeNetworks() throws {
        var firstError: Error?
        for n in networks.list() {
            do { try networks.remove(n) } catch { firstError = firstError ?? error }
        }
        if let e = firstError { throw e }
    }

    /// Aliases become /etc/hosts names: Docker's name characters only, so none can add a line.
    public static func validateAliases(_ aliases: [String]) throws {
        for a in aliases where !DockerName.isValid(a, maxBytes: 253) {
            throw RuntimeError.refused(.invalidArgument, "invalid network alias \"\(a)\": only \(DockerName.pattern) are allowed", operation: "network alias")
        }
    }

    static func configuration(of network: UserNetwork) throws -> NetworkConfiguration {
        guard let configuration = network.configuration else {
            throw RuntimeError(.failed, "network \(network.name): its record has a subnet (\(network.subnet)) or bridge (\(network.bridge)) isolab does not make")
        }
        return configuration
    }

    /// Rewrites the hosts file of every running container on one of `networkIDs` (and of
    /// `including`, which just left one), from the run states of that moment. In place, never by
    /// rename: the file is bind-mounted at the container's /etc/hosts, and a new inode would not
    /// be seen inside. A lock per namespace orders concurrent rewrites; each recomputes everything,
    /// so the last one leaves every file current. Best effort: a container can run without
    /// its peers' names, so a failure is said on stderr.
    func refreshHosts(networkIDs: Set<String>, including: String? = nil) {
        guard !networkIDs.isEmpty else { return }
        do {
            try FileLock(path: context.root + "/locks/hosts-" + context.namespace + ".lock").withLock {
                let members = store.list().filter { $0.isRunning && $0.run != nil }
                for c in members {
                    let mine = Set(Self.attachments(c).compactMap(\.networkID))
                    guard c.id == including || !mine.isDisjoint(with: networkIDs) else { continue }
                    try Self.rewriteInPlace(c.dir + "/hosts", try hostsText(for: c, among: members))
                }
            }
        } catch {
            StandardStream.error("isolab: updating containers' /etc/hosts: \(error)\n")
        }
    }

    /// A container's /etc/hosts: Docker's defaults and its own address, then for each of its user
    /// networks every member's address with its name, aliases and short id.
    func hostsText(for c: Container, among all: [Container]) throws -> String {
        let mine = Self.attachments(c)
        var text = try hostsFile(for: c.config, address: mine.first?.ipAddress)
        for a in mine {
            guard let networkID = a.networkID else { continue }
            for peer in all {
                guard let b = Self.attachments(peer).first(where: { $0.networkID == networkID }) else { continue }
                let names = [peer.config.name] + (b.aliases ?? []) + [peer.shortID]
                text += b.ipAddress + "\t" + names.joined(separator: " ") + "\n"
            }
        }
        return text
    }

    static func rewriteInPlace(_ path: String, _ text: String) throws {
        let fd = open(path, O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 && errno == ENOENT { return }   // removed meanwhile: nothing to update
        guard fd >= 0 else { throw RuntimeError.errno("open", path) }
        defer { close(fd) }
        try FileIO.writeAll(fd, Data(text.utf8), path: path, operation: "rewrite hosts")
    }
}
