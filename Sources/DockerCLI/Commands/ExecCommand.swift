import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `exec CONTAINER COMMAND [ARG...]`
public struct ExecCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "exec", abstract: "Execute a command in a running container", helpNames: [.long])
    public init() {}

    @Flag(name: .shortAndLong, help: "Detached mode: run command in the background") var detach = false
    @OptionGroup var process: ProcessFlags
    @Argument(help: "The container") var container: String
    @Argument(parsing: .captureForPassthrough, help: "The command and its arguments") var command: [String] = []

    public func validate() throws {
        if command.isEmpty { throw ValidationError("Missing expected argument '<command>'") }
    }

    public func run() throws {
        if process.interactive && process.tty && isatty(0) == 0 {
            IsolabMain.fail("the input device is not a TTY", code: 1)
        }
        var o = ExecOptions(command: command)
        o.detach = detach
        o.interactive = process.interactive
        o.tty = process.tty
        o.env = try process.environment()
        o.workingDir = process.workdir
        o.user = process.user
        let code = try IsolabMain.runtime().exec(container, o)
        if code != 0 { throw ExitCode(code) }
    }
}
