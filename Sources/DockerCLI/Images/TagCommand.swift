import ArgumentParser
import ContainerRuntime

/// `docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]`.
public struct TagCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "tag", abstract: "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE")

    @Argument(help: "SOURCE_IMAGE[:TAG]") var source: String
    @Argument(help: "TARGET_IMAGE[:TAG]") var target: String

    public init() {}

    public func run() throws {
        // Docker's client parses the target before asking the daemon, and says so in its own words.
        guard ImageReference.isValid(target) else {
            ImageCLI.printError("Error parsing reference: \(target.debugDescription) is not a valid repository/tag: \(ImageReference.invalidFormat(target).dockerMessage)")
            throw ExitCode(ImageCLI.failureExitCode)
        }
        do { try IsolabMain.runtime().tagImage(source: source, target: target) } catch { throw ImageCLI.fail(error) }
    }
}
