import Foundation

/// What `concurrentAttachesFromSeparateProcesses` asks each child process to do, passed in the
/// environment as "<container id> <pid> <gate directory>".
struct NetworkWorkerJob {
    var containerID: String
    var pid: Int32
    /// The worker creates `<gate>/ready-<id>`, then waits for `<gate>/go` so that both attach at once.
    var gate: String

    static let environmentKey = "ISOLAB_NET_WORKER"
    /// What the worker prints on success, for the parent to find: marker, address, host veth.
    static let marker = "ISOLAB-NET-WORKER-ATTACHED"

    /// The job of this process, when it is such a child.
    static var current: NetworkWorkerJob? {
        guard let value = ProcessInfo.processInfo.environment[environmentKey] else { return nil }
        let parts = value.split(separator: " ").map(String.init)
        guard parts.count == 3, let pid = Int32(parts[1]) else { return nil }
        return NetworkWorkerJob(containerID: parts[0], pid: pid, gate: parts[2])
    }

    var environmentValue: String { "\(containerID) \(pid) \(gate)" }
}
