import ArgumentParser
import ContainerRuntime
import Foundation

/// `restart [-t N] CONTAINER...`: `stop` (with its grace period), then `start`.
public struct RestartCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "restart", abstract: "Restart one or more containers")
    public init() {}

    @Option(name: [.customShort("t"), .customLong("time"), .customLong("timeout")], help: "Seconds to wait before killing the container") var time: Int = 10
    @Option(name: [.customShort("s"), .customLong("signal")], help: "Signal to send to the container") var signal: String = "TERM"
    @Argument var containers: [String]

    public func run() throws {
        let rt = IsolabMain.runtime()
        let sig = try Signals.parse(signal)
        try ContainerBatch.each(containers) { c in
            try rt.stop(c, timeout: Double(time), signal: sig)
            _ = try rt.startExisting(c, attach: false)
        }
    }
}
