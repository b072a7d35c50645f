import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `start [-a] [-i] CONTAINER...`: runs created or stopped containers again (their writable
/// layer as they left it). Detached it prints each name; `-a` stays attached to one and exits
/// with its status.
public struct StartCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "start", abstract: "Start one or more stopped containers")
    public init() {}

    @Flag(name: .shortAndLong, help: "Attach STDOUT/STDERR and forward signals") var attach = false
    @Flag(name: .shortAndLong, help: "Attach container's STDIN") var interactive = false
    @Argument var containers: [String]

    public func run() throws {
        let rt = IsolabMain.runtime()
        let attached = attach || interactive
        if attached {
            guard containers.count == 1 else {
                throw RuntimeError(.invalidArgument, "you cannot start and attach multiple containers at once")
            }
            let code = try rt.startExisting(containers[0], attach: true, interactive: interactive)
            if code != 0 { throw ExitCode(code) }
            return
        }
        try ContainerBatch.each(containers) { c in _ = try rt.startExisting(c, attach: false) }
    }
}
