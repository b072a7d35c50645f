import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Hands out addresses of a subnet as lease files `<directory>/<address>` holding the container id.
/// It does no locking of its own: callers hold the host lock around every use.
struct AddressAllocator {
    var directory: String
    var subnet: IPv4Subnet

    /// The first address a container can get: network + 2 (network + 1 is the bridge).
    var firstAddress: IPv4Address { IPv4Address(subnet.network.value + 2) }
    /// The last: the one before broadcast.
    var lastAddress: IPv4Address { IPv4Address(subnet.broadcast.value - 1) }

    /// Current leases, address to container id. A name that is not an address of the subnet is an
    /// error: only this type writes here, so such a file means the directory is not what we think.
    func leases() throws -> [IPv4Address: String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            return [:]
        }
        var result: [IPv4Address: String] = [:]
        for name in names {
            guard let address = IPv4Address(name), subnet.contains(address) else {
                throw RuntimeError(.failed, "network: unexpected file \(directory)/\(name) among address leases")
            }
            let path = directory + "/" + name
            let data = try FileIO.read(path)
            result[address] = String(decoding: data, as: UTF8.self).trimmingWhitespace()
        }
        return result
    }

    /// Leases the lowest free address to `containerID`. A container that already holds one is a
    /// conflict: a second veth under the same host name could not be made anyway.
    func lease(for containerID: String) throws -> IPv4Address {
        let taken = try leases()
        if let existing = taken.first(where: { $0.value == containerID }) {
            throw RuntimeError(.conflict, "network: container \(containerID) already holds address \(existing.key)")
        }
        var candidate = firstAddress
        while taken[candidate] != nil {
            guard candidate < lastAddress else {
                throw RuntimeError(.failed, "network: no free address left in \(subnet)")
            }
            candidate = IPv4Address(candidate.value + 1)
        }
        try write(containerID, to: directory + "/" + candidate.description)
        return candidate
    }

    /// Removes every lease held by `containerID`; returns the addresses released.
    @discardableResult
    func release(containerID: String) throws -> [IPv4Address] {
        var released: [IPv4Address] = []
        for (address, holder) in try leases() where holder == containerID {
            let path = directory + "/" + address.description
            if unlink(path) != 0 && errno != ENOENT { throw RuntimeError.errno("unlink", path) }
            released.append(address)
        }
        return released.sorted()
    }

    /// Removes the lease of `address` if `containerID` still holds it (the lock makes the check
    /// and the unlink one step).
    func release(address: IPv4Address, heldBy containerID: String) throws {
        guard try leases()[address] == containerID else { return }
        let path = directory + "/" + address.description
        if unlink(path) != 0 && errno != ENOENT { throw RuntimeError.errno("unlink", path) }
    }

    private func write(_ containerID: String, to path: String) throws {
        // The state directory above the leases goes when the last lease does, so both may be missing.
        for dir in [PathName.parent(directory), directory] {
            if mkdir(dir, 0o755) != 0 && errno != EEXIST { throw RuntimeError.errno("mkdir", dir) }
        }
        // O_EXCL: even if the lock were bypassed, two writers could not share an address.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw RuntimeError.errno("create lease", path) }
        defer { close(fd) }
        do { try FileIO.writeAll(fd, Data(containerID.utf8), path: path, operation: "write lease") } catch {
            unlink(path)
            throw error
        }
    }
}
