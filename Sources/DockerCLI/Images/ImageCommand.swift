import ArgumentParser

/// `docker image ...`: the management form of the image commands, plus isolab's `image build`.
/// The lead adds `inspect` here (container and image lookup together).
public struct ImageCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "image", abstract: "Manage images",
        subcommands: [ImageBuildCommand.self, ImageListCommand.self, ImageRemoveCommand.self, TagCommand.self,
                      SaveCommand.self, LoadCommand.self, ImportCommand.self, ImagePruneCommand.self])

    public init() {}
}
