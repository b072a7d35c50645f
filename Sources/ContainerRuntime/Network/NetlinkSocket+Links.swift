#if canImport(Glibc)
import Glibc
#endif

/// Questions whose answers are read from replies.
extension NetlinkSocket {
    /// The interface index of `name` in this socket's namespace, or nil if there is none.
    func linkIndex(_ name: String) throws -> Int32? {
        do {
            let reply = try get(RouteMessages.getLink(name: name))
            // struct ifinfomsg: the index is the int at offset 4.
            guard reply.type == Netlink.newLink, reply.payload.count >= 16 else {
                throw RuntimeError(.failed, "netlink RTM_GETLINK \(name) (\(place)): unexpected reply type \(reply.type)")
            }
            return reply.payload.loadInt32(at: 4)
        } catch let e as RuntimeError where e.kind == .system(errno: ENODEV) {
            return nil
        }
    }

    /// Like `linkIndex`, but a missing link is an error.
    func requireLinkIndex(_ name: String) throws -> Int32 {
        guard let index = try linkIndex(name) else {
            throw RuntimeError.errno("netlink RTM_GETLINK", "\(name) (\(place))", ENODEV)
        }
        return index
    }

    /// Every IPv4 route of every table.
    func ipv4Routes() throws -> [RouteEntry] {
        try dump(RouteMessages.dumpIPv4Routes()).compactMap { message in
            message.type == Netlink.newRoute ? RouteEntry(payload: message.payload) : nil
        }
    }
}
