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
        do { try ImageCLI.store().tag(source: source, target: target) } catch { throw ImageCLI.fail(error) }
    }
}
