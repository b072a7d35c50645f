import ArgumentParser
import ContainerRuntime

/// `pause CONTAINER...`: freezes every process of each container (its cgroup's freezer).
public struct PauseCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "pause", abstract: "Pause all processes within one or more containers")
    public init() {}
    @Argument var containers: [String]

    public func run() throws {
        let rt = IsolabMain.runtime()
        try ContainerBatch.each(containers) { try rt.setPaused($0, true) }
    }
}
