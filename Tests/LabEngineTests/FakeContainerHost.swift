import Foundation
import LabEngine

/// A runtime stand-in: records calls; CPU use grows at `cores` per second from creation.
final class FakeContainerHost: ContainerHost, @unchecked Sendable {
    private let lock = NSLock()
    private var removed: [String] = []
    private var cpuNamespaces: [String] = []
    private var cgroupsRead: [String] = []
    private var prepared = 0
    let cores: Double
    let failPrepare: Bool
    private let start = DispatchTime.now().uptimeNanoseconds

    struct Failure: Error, CustomStringConvertible { var description: String }

    init(cores: Double = 0.5, failPrepare: Bool = false) {
        self.cores = cores; self.failPrepare = failPrepare
    }

    var removedNamespaces: [String] { lock.withLock { removed } }
    var sampledNamespaces: [String] { lock.withLock { cpuNamespaces } }
    var sampledCgroups: [String] { lock.withLock { cgroupsRead } }
    var prepareCount: Int { lock.withLock { prepared } }

    func prepareImages() throws {
        lock.withLock { prepared += 1 }
        if failPrepare { throw Failure(description: "no busybox image") }
    }

    func cpuUsageNanos(container name: String, namespace: String) throws -> UInt64 {
        guard name == "spinner" else { throw Failure(description: "no container \(name)") }
        lock.withLock { cpuNamespaces.append(namespace) }
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        return UInt64(Double(elapsed) * cores)
    }

    /// Cgroup "spin/<anything>" grows like the spinner; every other path does not exist.
    func cpuUsageNanos(cgroup path: String) throws -> UInt64 {
        let path = path.hasPrefix("/") ? String(path.dropFirst()) : path
        guard path.hasPrefix("spin/") else { throw Failure(description: "no cgroup \(path)") }
        lock.withLock { cgroupsRead.append(path) }
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        return UInt64(Double(elapsed) * cores)
    }

    func removeNamespace(_ namespace: String) throws {
        lock.withLock { removed.append(namespace) }
    }

    func cgroupDescription() -> String { "v2 (fake)" }

    func busyboxImageOrigin() -> String? { "BusyBox (fake)" }
}
