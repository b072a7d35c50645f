import ArgumentParser
import ContainerRuntime
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `stop [-t N] [-s SIG] CONTAINER...`
public struct StopCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "stop", abstract: "Stop one or more running containers")
    public init() {}

    @Option(name: [.customShort("t"), .customLong("time"), .customLong("timeout")], help: "Seconds to wait before killing the container") var time: Int = 10
    @Option(name: [.customShort("s"), .customLong("signal")], help: "Signal to send to the container") var signal: String = "TERM"
    @Argument var containers: [String]

    public func run() throws {
        let rt = IsolabMain.runtime()
        let sig = try Signals.parse(signal)
        try ContainerBatch.each(containers) { c in try rt.stop(c, timeout: Double(time), signal: sig) }
    }
}
