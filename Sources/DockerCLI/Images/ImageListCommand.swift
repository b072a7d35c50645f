import ArgumentParser

/// `docker image ls [OPTIONS] [REPOSITORY[:TAG]]`: the same as `docker images`.
public struct ImageListCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "ls", abstract: "List images", aliases: ["list"])

    @OptionGroup var options: ImagesOptions

    public init() {}

    public func run() throws { try options.run() }
}
