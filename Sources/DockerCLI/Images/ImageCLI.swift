import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// What the image commands share: Docker's way of failing.
enum ImageCLI {
    /// Docker's CLI exits 1 for a refused `rmi`/`tag`/`load`/`save`/`images` (only `run` and
    /// `create` use 125).
    static let failureExitCode: Int32 = 1

    /// Prints `error` as Docker does and returns the exit to leave with.
    static func fail(_ error: Error) -> ExitCode {
        if let runtime = error as? RuntimeError {
            // The image store's refusals are all the daemon's answers in Docker.
            printError(runtime.source == .request ? runtime.dockerText() : "Error response from daemon: \(runtime.dockerMessage)")
        } else {
            printError("Error response from daemon: \(error)")
        }
        return ExitCode(failureExitCode)
    }

    static func printError(_ message: String) {
        StandardStream.error((message + "\n"))
    }

    /// Writes lines to stdout at once (stdout may be a pipe that a lab reads).
    static func printLines(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        StandardStream.out((lines.joined(separator: "\n") + "\n"))
    }
}
