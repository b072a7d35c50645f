import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `rm [-f] [-v] CONTAINER...`
public struct RmCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove one or more containers")
    public init() {}

    @Flag(name: .shortAndLong, help: "Force the removal of a running container (uses SIGKILL)") var force = false
    @Flag(name: .shortAndLong, help: "Remove anonymous volumes associated with the container (isolab has none)") var volumes = false
    @Argument var containers: [String]

    public func run() throws {
        let rt = IsolabMain.runtime()
        try ContainerBatch.each(containers, ignoringMissing: force) { c in try rt.remove(c, force: force) }
    }
}
