import ArgumentParser

/// `docker images [OPTIONS] [REPOSITORY[:TAG]]`.
public struct ImagesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "images", abstract: "List images")

    @OptionGroup var options: ImagesOptions

    public init() {}

    public func run() throws { try options.run() }
}
