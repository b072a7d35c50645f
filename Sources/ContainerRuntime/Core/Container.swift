import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A container as read from the store: its config, and its run-time state or exit record.
public struct Container: Sendable {
    public var config: ContainerConfig
    public var run: ContainerRunState?
    public var exit: ContainerExit?
    public var status: ContainerStatus
    public var dir: String               // <root>/containers/<ns>/<id>
    public var runDir: String            // <run root>/<ns>/<id>
    /// Set when a record of the container cannot be read ("config.json: parse ..."): it is
    /// listed, inspected and removed, and nothing else acts on it. Its config may be a placeholder.
    public var broken: String? = nil
    /// The record that could not be read ("config.json"), for a short status.
    public var brokenRecord: String? { broken.map { String($0.prefix { $0 != ":" }) } }

    public var id: String { config.id }
    public var shortID: String { String(config.id.prefix(12)) }
    public var isRunning: Bool { status == .running }
    public var upperDir: String { dir + "/upper" }
    public var workDir: String { dir + "/work" }
    public var mergedDir: String { dir + "/merged" }
    public var logPath: String { dir + "/log" }
}
