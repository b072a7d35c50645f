import ArgumentParser
import ContainerRuntime

/// `unpause CONTAINER...`: thaws what `pause` froze.
public struct UnpauseCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "unpause", abstract: "Unpause all processes within one or more containers")
    public init() {}
    @Argument var containers: [String]

    public func run() throws {
        let rt = IsolabMain.runtime()
        try ContainerBatch.each(containers) { try rt.setPaused($0, false) }
    }
}
