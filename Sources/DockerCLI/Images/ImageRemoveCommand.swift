import ArgumentParser

/// `docker image rm [-f] IMAGE...`: the same as `docker rmi`.
public struct ImageRemoveCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove one or more images", aliases: ["remove"])

    @OptionGroup var options: RmiOptions

    public init() {}

    public func run() throws { try options.run() }
}
