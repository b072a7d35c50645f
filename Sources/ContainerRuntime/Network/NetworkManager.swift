import Foundation

/// isolab's bridge network: one bridge per host in a subnet of its own, shared by every root and
/// namespace; addresses come from an allocator guarded by a host-wide lock.
/// Owned by the network work (issue #2); the runtime calls only these two methods.
public struct NetworkManager: Sendable {
    public init() {}

    /// Creates the bridge if needed, allocates an address, makes a veth pair, moves one end into
    /// the network namespace of `pid` as `eth0` with the address, brings `lo` up and adds a default route.
    public func attach(containerID: String, pid: Int32) throws -> NetworkAttachment {
        throw RuntimeError(.failed, "network: not implemented yet")
    }

    /// Releases the address, deletes the host veth if it still exists, and removes the bridge
    /// when no container holds an address any more. Safe to call twice.
    public func detach(containerID: String, attachment: NetworkAttachment?) throws {
    }
}
