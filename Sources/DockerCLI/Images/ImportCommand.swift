import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `docker import [-m MESSAGE] file|- [REPOSITORY[:TAG]]`: a rootfs tarball becomes a one-layer image.
public struct ImportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import the contents from a tarball to create a filesystem image")

    @Option(name: .shortAndLong, help: "Set commit message for imported image") var message: String?
    @Option(name: .shortAndLong, help: "Apply Dockerfile instruction to the created image (not supported by isolab)")
    var change: [String] = []
    @Argument(help: "file|-") var source: String
    @Argument(help: "REPOSITORY[:TAG]") var reference: String?

    public init() {}

    public func validate() throws {
        if !change.isEmpty { throw ValidationError("isolab import does not support --change") }
        if source.hasPrefix("http://") || source.hasPrefix("https://") {
            throw ValidationError("isolab import reads a file or stdin (-), not a URL")
        }
    }

    public func run() throws {
        let rt = IsolabMain.runtime()
        do {
            let image = source == "-"
                ? try rt.importImage(fd: STDIN_FILENO, reference: reference, comment: message)
                : try rt.importImage(path: source, reference: reference, comment: message)
            ImageCLI.printLines([image.id])
        } catch {
            throw ImageCLI.fail(error)
        }
    }
}
