import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `container-cleanup ID`: the monitor's exit command (hidden). Releases the cgroup, the
/// address and the run-time state of a container whose init has ended; removes it if `--rm`.
public struct ContainerCleanupCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "container-cleanup", shouldDisplay: false)
    public init() {}
    @Flag(help: "Remove the container too (its start was abandoned)") var remove = false
    @Argument var id: String

    public func run() throws {
        try IsolabMain.runtime().cleanup(id: id, removeContainer: remove)
    }
}
