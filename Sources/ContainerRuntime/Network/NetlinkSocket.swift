import CRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// An rtnetlink socket in one network namespace: the caller's, or a container's (opened through
/// the C shim, which is the only code that switches namespaces). Requests are sent one at a time
/// and answered before the next, so replies are matched by sequence number alone.
final class NetlinkSocket {
    private let fd: Int32
    private var sequence: UInt32 = 0
    /// "on host" or "in netns of pid 1234", for errors.
    let place: String

    /// A socket in the calling thread's network namespace.
    init() throws {
        fd = socket(AF_NETLINK, Int32(SOCK_RAW.rawValue) | Int32(SOCK_CLOEXEC.rawValue), Netlink.routeProtocol)
        guard fd >= 0 else { throw RuntimeError.errno("netlink socket", "host") }
        place = "on host"
        configure()
    }

    /// A socket in the network namespace of `pid`.
    init(networkNamespaceOf pid: Int32) throws {
        let result = isolab_netns_socket(pid, Netlink.routeProtocol)
        guard result >= 0 else {
            throw RuntimeError.errno("netlink socket in network namespace of", "pid \(pid) (/proc/\(pid)/ns/net)", -result)
        }
        fd = result
        place = "in netns of pid \(pid)"
        configure()
    }

    deinit { close(fd) }

    /// Asks for short error quotes and the kernel's error text. Both are optional kernel
    /// features (4.3, 4.12); without them errors still carry errno, so failures are ignored.
    private func configure() {
        var on: Int32 = 1
        _ = setsockopt(fd, Netlink.solNetlink, Netlink.capAckOption, &on, socklen_t(MemoryLayout<Int32>.size))
        _ = setsockopt(fd, Netlink.solNetlink, Netlink.extAckOption, &on, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Sends a request that changes something and waits for its acknowledgement.
    func perform(_ request: NetlinkRequest) throws {
        let seq = try send(request)
        while true {
            for message in try receive() where message.sequence == seq {
                if let reply = message.errorReply {
                    if reply.errno == 0 { return }
                    throw error(request, reply.errno, reply.message)
                }
            }
        }
    }

    /// Like `perform`, but an answer of `tolerated` (EEXIST, ENODEV) counts as success; returns
    /// false in that case.
    @discardableResult
    func perform(_ request: NetlinkRequest, tolerating tolerated: Int32) throws -> Bool {
        do {
            try perform(request)
            return true
        } catch let e as RuntimeError where e.kind == .system(errno: tolerated) {
            return false
        }
    }

    /// Sends a get request and returns the single reply message's payload.
    func get(_ request: NetlinkRequest) throws -> NetlinkMessage {
        let seq = try send(request)
        while true {
            for message in try receive() where message.sequence == seq {
                if let reply = message.errorReply {
                    throw error(request, reply.errno == 0 ? EPROTO : reply.errno, reply.message)
                }
                return message
            }
        }
    }

    /// Sends a dump request and collects every reply until NLMSG_DONE.
    func dump(_ request: NetlinkRequest) throws -> [NetlinkMessage] {
        let seq = try send(request)
        var replies: [NetlinkMessage] = []
        while true {
            for message in try receive() where message.sequence == seq {
                if let reply = message.errorReply {
                    throw error(request, reply.errno == 0 ? EPROTO : reply.errno, reply.message)
                }
                if message.type == Netlink.done {
                    // NLMSG_DONE carries an int: a dump that failed half-way says so here.
                    let code = message.payload.count >= 4 ? -message.payload.loadInt32(at: 0) : 0
                    if code != 0 { throw error(request, code, nil) }
                    return replies
                }
                replies.append(message)
            }
        }
    }

    private func send(_ request: NetlinkRequest) throws -> UInt32 {
        sequence &+= 1
        let bytes = request.encoded(sequence: sequence)
        while true {
            // No address: an unbound netlink socket sends to the kernel (port 0) and is bound on first use.
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
            if sent == bytes.count { return sequence }
            if sent < 0 && errno == EINTR { continue }
            throw RuntimeError.errno("netlink send \(request.operation)", "\(request.subject) (\(place))",
                                     sent < 0 ? errno : EMSGSIZE)
        }
    }

    private func receive() throws -> [NetlinkMessage] {
        // 64 KiB holds any datagram rtnetlink sends for our requests (dumps come in pages of ~16 KiB).
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count >= 0 { return try NetlinkMessage.split(Array(buffer[..<count])) }
            if errno == EINTR { continue }
            throw RuntimeError.errno("netlink receive", "(\(place))")
        }
    }

    private func error(_ request: NetlinkRequest, _ code: Int32, _ detail: String?) -> RuntimeError {
        var e = RuntimeError.errno("netlink \(request.operation)", "\(request.subject) (\(place))", code)
        if let detail, !detail.isEmpty { e.message += ": \(detail)" }
        return e
    }
}
