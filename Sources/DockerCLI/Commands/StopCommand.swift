import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `stop [-t N] [-s SIG] CONTAINER...`
public struct StopCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "stop", abstract: "Stop one or more running containers")
    public init() {}

    @OptionGroup var options: StopOptions
    @Argument var containers: [String]

    public func run() throws {
        let rt = IsolabMain.runtime()
        let sig = try Signals.parse(options.signal)
        try ContainerBatch.each(containers) { c in try rt.stop(c, timeout: Double(options.time), signal: sig) }
    }
}
