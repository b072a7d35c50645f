import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `pull NAME[:TAG]`: isolab has no registry; the built-in images (`busybox`, `debian`) are
/// "pulled" by building them when missing, in Docker's words. Any other name gets Docker's
/// "pull access denied".
public struct PullCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "pull", abstract: "Download an image from a registry (isolab: build a built-in image)")
    public init() {}

    @Flag(name: [.customShort("a"), .customLong("all-tags")], help: "Download all tagged images in the repository") var allTags = false
    @Flag(name: .shortAndLong, help: "Suppress verbose output") var quiet = false
    @Option(help: "Set platform if server is multi-platform capable") var platform: String?
    @Argument var name: String

    public func run() throws {
        let normalized = ImageReference.normalize(name)
        let (repository, tag) = ImageReference.split(normalized)
        guard Runtime.builtinImageNames.contains(repository) else {
            ImageCLI.printError("Error response from daemon: pull access denied for \(repository), repository does not exist or may require 'docker login'")
            throw ExitCode(1)
        }
        guard tag == "latest" else {
            ImageCLI.printError("Error response from daemon: manifest for \(normalized) not found: manifest unknown: isolab builds \(repository):latest only")
            throw ExitCode(1)
        }
        let rt = IsolabMain.runtime()
        var lines: [String] = []
        if !name.contains(":") && !quiet { lines.append("Using default tag: latest") }
        let present: Bool
        do {
            present = try rt.image(normalized) != nil
            if !quiet { ImageCLI.printLines(lines + ["latest: Pulling from library/\(repository)"]) }
            lines = []
            if !present { try rt.ensureBuiltinImage(repository) }
        } catch {
            throw ImageCLI.fail(error)
        }
        if !quiet {
            lines.append(present ? "Status: Image is up to date for \(normalized)" : "Status: Downloaded newer image for \(normalized)")
        }
        lines.append("docker.io/library/\(normalized)")
        ImageCLI.printLines(lines)
    }
}
