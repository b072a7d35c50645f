import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `restart [-t N] CONTAINER...`: `stop` (with its grace period), then `start`.
public struct RestartCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "restart", abstract: "Restart one or more containers")
    public init() {}

    @OptionGroup var options: StopOptions
    @Argument var containers: [String]

    public func run() throws {
        let rt = IsolabMain.runtime()
        let sig = try Signals.parse(options.signal)
        try ContainerBatch.each(containers) { c in
            try rt.stop(c, timeout: Double(options.time), signal: sig)
            _ = try rt.startExisting(c, attach: false)
        }
    }
}
