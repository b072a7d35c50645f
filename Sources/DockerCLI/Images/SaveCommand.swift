import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `docker save [-o FILE] IMAGE...`: a docker-archive tar to FILE or stdout.
public struct SaveCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "save", abstract: "Save one or more images to a tar archive (streamed to STDOUT by default)")

    @Option(name: .shortAndLong, help: "Write to a file, instead of STDOUT") var output: String?
    @Argument(help: "IMAGE") var images: [String]

    public init() {}

    public func validate() throws {
        if images.isEmpty { throw ValidationError("Missing expected argument '<images>'") }
    }

    public func run() throws {
        let rt = IsolabMain.runtime()
        guard let output else {
            if isatty(STDOUT_FILENO) == 1 {
                ImageCLI.printError("cowardly refusing to save to a terminal. Use the -o flag or redirect")
                throw ExitCode(ImageCLI.failureExitCode)
            }
            do { try rt.saveImages(images, to: STDOUT_FILENO) } catch { throw ImageCLI.fail(error) }
            return
        }
        // Written beside the target and renamed, so a failed save leaves no truncated archive.
        let temp = output + ".isolab-partial"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ImageCLI.fail(RuntimeError.errno("open", temp)) }
        do {
            try rt.saveImages(images, to: fd)
            guard fsync(fd) == 0 else { throw RuntimeError.errno("fsync", temp) }
            close(fd)
            guard rename(temp, output) == 0 else { throw RuntimeError.errno("rename", "\(temp) to \(output)") }
        } catch {
            close(fd)
            unlink(temp)
            throw ImageCLI.fail(error)
        }
    }
}
