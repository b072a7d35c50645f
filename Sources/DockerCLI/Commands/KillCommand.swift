import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `kill [-s SIG] CONTAINER...`
public struct KillCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "kill", abstract: "Kill one or more running containers")
    public init() {}

    @Option(name: [.customShort("s"), .customLong("signal")], help: "Signal to send to the container") var signal: String = "KILL"
    @Argument var containers: [String]

    public func run() throws {
        let rt = IsolabMain.runtime()
        let sig = try Signals.parse(signal)
        try ContainerBatch.each(containers) { c in try rt.kill(c, signal: sig) }
    }
}
