import ArgumentParser

/// `docker rmi [-f] IMAGE...`.
public struct RmiCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "rmi", abstract: "Remove one or more images")

    @OptionGroup var options: RmiOptions

    public init() {}

    public func run() throws { try options.run() }
}
