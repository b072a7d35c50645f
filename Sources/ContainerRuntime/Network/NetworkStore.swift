import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The user-defined networks of one root and namespace, and the host-wide reservation of their
/// subnets. Creating, removing and attaching to a network all happen under the one host lock
/// of the network code, so a subnet is never handed out twice and a network cannot be removed
/// while a container is joining it.
public struct NetworkStore: Sendable {
    public let context: RuntimeContext

    public init(context: RuntimeContext) { self.context = context }

    /// isolab's range for user networks: 10.215.0.0/16, one /24 each (256 networks per host).
    /// Next to the default bridge's 10.213.0.0/16 (10.214.0.0/16 is the runtime tests' own
    /// bridge); a /24 the host routes already is skipped.
    static let pool = IPv4Subnet(IPv4Address(0x0AD7_0000), prefixLength: 16)
    /// One file per reserved /24, named by its third octet, holding root, namespace and network
    /// id: host-wide, because bridges and subnets are.
    static let reservationDirectory = "/run/isolab/network-subnets"
    /// Names Docker keeps for its own networks.
    public static let predefined = ["bridge", "host", "none"]

    public var directory: String { context.root + "/networks/" + context.namespace }
    func path(for id: String) -> String { directory + "/" + id + ".json" }

    /// Every network of the namespace, by name. A record that does not read is skipped (it is
    /// not a network anyone can use; `namespace rm` removes the directory).
    public func list() -> [UserNetwork] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".json") && ContainerStore.isContainerID(String($0.dropLast(5))) }
            .compactMap { try? AtomicFile.readJSON(UserNetwork.self, from: directory + "/" + $0, limit: 1 << 16) }
            .sorted { $0.name < $1.name }
    }

    /// By exact name, full id, or unique id prefix, as Docker looks networks up.
    public func find(_ ref: String) throws -> UserNetwork {
        let all = list()
        if let n = all.first(where: { $0.name == ref || $0.id == ref }) { return n }
        let byPrefix = ref.isEmpty ? [] : all.filter { $0.id.hasPrefix(ref) }
        if byPrefix.count == 1 { return byPrefix[0] }
        throw RuntimeError.notFound(.network, ref, "network \(ref) not found")
    }

    /// `network create NAME`: the lowest free /24 of the pool that the host does not route.
    public func create(name: String, labels: [String: String]) throws -> UserNetwork {
        if Self.predefined.contains(name) {
            throw RuntimeError.refused(.invalidArgument, "operation is not permitted on predefined \(name) network", operation: "create network", reference: name)
        }
        try Self.validateName(name)
        return try FileLock(path: NetworkConfiguration.standard.lockPath).withLock {
            if list().contains(where: { $0.name == name }) {
                throw RuntimeError.refused(.conflict, "network with name \(name) already exists", operation: "create network", reference: name)
            }
            let reserved = try Self.reservations()
            let routes = try NetlinkSocket().ipv4Routes().filter { $0.destination.prefixLength > 0 }
            var chosen: IPv4Subnet?
            for octet in UInt32(0)...255 where reserved[Int(octet)] == nil {
                let candidate = IPv4Subnet(IPv4Address(Self.pool.network.value | octet << 8), prefixLength: 24)
                if !routes.contains(where: { $0.destination.overlaps(candidate) }) { chosen = candidate; break }
            }
            guard let subnet = chosen else {
                throw RuntimeError.refused(.failed, "could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network (isolab's pool \(Self.pool) is used up)", operation: "attach network")
            }
            let id = Runtime.randomID()
            let network = UserNetwork(id: id, name: name, created: Date(), subnet: subnet.description,
                                      gateway: IPv4Address(subnet.network.value + 1).description,
                                      bridge: "isl-" + id.prefix(8), labels: labels)
            try reserve(network, octet: Int(subnet.network.value >> 8 & 0xff))
            do {
                try ContainerStore.makeDirectory(directory)
                try AtomicFile.writeJSON(network, to: path(for: id))
            } catch {
                unlink(Self.reservationPath(Int(subnet.network.value >> 8 & 0xff)))
                throw error
            }
            return network
        }
    }

    /// `network rm`: refused while a container holds an address on it; else its bridge, lease
    /// state, record and reservation go. Nothing else is touched.
    public func remove(_ network: UserNetwork) throws {
        try FileLock(path: NetworkConfiguration.standard.lockPath).withLock {
            if let configuration = network.configuration {
                let holders = try NetworkManager(configuration: configuration).retireLocked()
                if !holders.isEmpty {
                    throw RuntimeError.refused(.conflict, "error while removing network: network \(network.name) id \(network.id) has active endpoints", operation: "remove network", reference: network.name)
                }
            }
            let p = path(for: network.id)
            if unlink(p) != 0 && errno != ENOENT { throw RuntimeError.errno("unlink", p) }
            if let s = network.parsedSubnet, let holder = try Self.reservations()[Int(s.network.value >> 8 & 0xff)],
               holder == reservationText(network) {
                unlink(Self.reservationPath(Int(s.network.value >> 8 & 0xff)))
            }
            // Empty directories only (rmdir fails otherwise, which is the point).
            for dir in [directory, context.root + "/networks", Self.reservationDirectory] { rmdir(dir) }
        }
    }

    /// Called under the host lock before a container joins: the network must still exist, and
    /// its subnet must still be its own (after a reboot /run is empty and the reservation is
    /// made again; if another network took the subnet meanwhile, joining is refused).
    func confirmLocked(_ network: UserNetwork) throws {
        guard FileManager.default.fileExists(atPath: path(for: network.id)) else {
            throw RuntimeError.notFound(.network, network.name, "network \(network.name) not found")
        }
        guard let s = network.parsedSubnet else {
            throw RuntimeError(.failed, "network \(network.name): unreadable subnet \(network.subnet) in \(path(for: network.id))")
        }
        let octet = Int(s.network.value >> 8 & 0xff)
        if let holder = try Self.reservations()[octet] {
            guard holder == reservationText(network) else {
                throw RuntimeError.refused(.conflict, "network \(network.name): its subnet \(network.subnet) is now reserved by another isolab network (\(Self.reservationPath(octet)))", operation: "attach network")
            }
            return
        }
        try reserve(network, octet: octet)
    }

    /// Docker accepts a network name that is a valid container name (one character is enough).
    static func validateName(_ name: String) throws {
        guard DockerName.isValid(name, maxBytes: 128) else {
            throw RuntimeError.refused(.invalidArgument, "invalid network name \"\(name)\": only \(DockerName.pattern) are allowed", operation: "create network", reference: name)
        }
    }

    func reservationText(_ network: UserNetwork) -> String {
        context.root + "\n" + context.namespace + "\n" + network.id + "\n"
    }

    static func reservationPath(_ octet: Int) -> String { reservationDirectory + "/" + String(octet) }

    private func reserve(_ network: UserNetwork, octet: Int) throws {
        try ContainerStore.makeDirectory(Self.reservationDirectory)
        let p = Self.reservationPath(octet)
        let fd = open(p, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw RuntimeError.errno("reserve subnet", p) }
        defer { close(fd) }
        do { try FileIO.writeAll(fd, Data(reservationText(network).utf8), path: p, operation: "write reservation") } catch {
            unlink(p)
            throw error
        }
    }

    /// The reserved /24s by third octet, with their holders. A reservation whose network record
    /// is gone (its root or namespace removed without `network rm`) is released here. Called with
    /// the host lock held.
    static func reservations() throws -> [Int: String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: reservationDirectory)) ?? []
        var result: [Int: String] = [:]
        for name in names {
            let p = reservationPath(0).dropLast() + name
            guard let octet = Int(name), (0...255).contains(octet), String(octet) == name else {
                throw RuntimeError(.failed, "network: unexpected file \(reservationDirectory)/\(name) among subnet reservations")
            }
            let text = String(decoding: try FileIO.read(String(p), limit: 8192), as: UTF8.self)
            // Empty: its writer died between create and write, and nobody writes now (we hold the lock).
            if text.isEmpty { unlink(String(p)); continue }
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
            if parts.count >= 3, ContainerStore.isContainerID(String(parts[2])), parts[0].hasPrefix("/"),
               !FileManager.default.fileExists(atPath: parts[0] + "/networks/" + parts[1] + "/" + parts[2] + ".json") {
                unlink(String(p))
                continue
            }
            result[octet] = text
        }
        return result
    }
}
