import ArgumentParser
import ContainerRuntime

/// `rename CONTAINER NEW_NAME`
public struct RenameCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a container")
    public init() {}

    @Argument var container: String
    @Argument var newName: String

    public func run() throws {
        try IsolabMain.runtime().rename(container, to: newName)
    }
}
