import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Resource use of running containers (`docker stats`), and the host's cgroup setup (`info`).
extension Runtime {
    /// A sample of each container that is running now; a stopped one (or one whose cgroup cannot
    /// be read) is left out. Throws when the host's cgroups cannot be used at all.
    public func stats(of containers: [Container]) throws -> [String: ContainerStats] {
        let manager = try Cgroups.manager()
        var out: [String: ContainerStats] = [:]
        for c in containers {
            guard let fresh = try? store.load(id: c.id), fresh.isRunning, let run = fresh.run,
                  let cg = run.cgroup, let s = try? manager.stats(cg) else { continue }
            out[c.id] = ContainerStats(cgroup: s, network: Self.networkBytes(pid: run.pid))
        }
        return out
    }

    /// CPU time the cgroup of the running container `ref` names has used, in nanoseconds (the
    /// lab engine's CPU samples: one file read, not a whole `stats` sample).
    public func cpuUsageNanos(of ref: String) throws -> UInt64 {
        let c = try store.find(ref)
        guard c.isRunning, let cg = c.run?.cgroup else {
            throw RuntimeError.refused(.notRunning, "container \(ref) is not running", operation: "cpu usage", reference: ref)
        }
        return try Cgroups.manager().cpuUsageNanos(cg)
    }

    /// Received and transmitted bytes of the container's eth0, from its own /proc/net/dev
    /// (read through its init, so in its network namespace).
    static func networkBytes(pid: Int32) -> ContainerStats.NetworkBytes? {
        guard let data = try? FileIO.read("/proc/\(pid)/net/dev", limit: 1 << 20) else { return nil }
        return parseNetDev(String(decoding: data, as: UTF8.self))
    }

    static func parseNetDev(_ text: String) -> ContainerStats.NetworkBytes? {
        for line in text.split(separator: "\n") where line.trimmingSpaces().hasPrefix("eth0:") {
            // "eth0:" then the counters; a line with nothing after the colon has none.
            guard let colon = line.firstIndex(of: ":") else { continue }
            let f = line[line.index(after: colon)...].split(separator: " ")
            if f.count > 8, let rx = UInt64(f[0]), let tx = UInt64(f[8]) { return .init(received: rx, transmitted: tx) }
        }
        return nil
    }

    /// The host's cgroup version and mode, in one line ("v1 hybrid", "v2 ...").
    public static func cgroupDescription() -> String { Cgroups.describeHost() }
}
