import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `docker load [-i FILE] [-q]`: a `docker save` archive or an OCI image layout archive.
public struct LoadCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "load", abstract: "Load an image from a tar archive or STDIN")

    @Option(name: .shortAndLong, help: "Read from tar archive file, instead of STDIN") var input: String?
    @Flag(name: .shortAndLong, help: "Suppress the load output") var quiet = false

    public init() {}

    public func run() throws {
        let rt = IsolabMain.runtime()
        let lines: [String]
        do {
            if let input {
                lines = try rt.loadImages(path: input)
            } else {
                if isatty(STDIN_FILENO) == 1 {
                    ImageCLI.printError("requested load from stdin, but stdin is empty")
                    throw ExitCode(ImageCLI.failureExitCode)
                }
                lines = try rt.loadImages(fd: STDIN_FILENO)
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw ImageCLI.fail(error)
        }
        // Docker prints the Loaded lines even with -q (it only hides the progress bar).
        _ = quiet
        ImageCLI.printLines(lines)
    }
}
