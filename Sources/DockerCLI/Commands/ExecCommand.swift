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
    @Flag(name: .shortAndLong, help: "Keep STDIN open") var interactive = false
    @Flag(name: .shortAndLong, help: "Allocate a pseudo-TTY (the terminal is passed through)") var tty = false
    @Option(name: [.customShort("e"), .customLong("env")], help: "Set environment variables") var env: [String] = []
    @Option(name: [.customShort("w"), .customLong("workdir")], help: "Working directory inside the container") var workdir: String?
    @Option(name: [.customShort("u"), .customLong("user")], help: "Username or UID") var user: String?
    @Argument(help: "The container") var container: String
    @Argument(parsing: .captureForPassthrough, help: "The command and its arguments") var command: [String] = []

    public func validate() throws {
        if command.isEmpty { throw ValidationError("Missing expected argument '<command>'") }
    }

    public func run() throws {
        if interactive && tty && isatty(0) == 0 {
            IsolabMain.fail("the input device is not a TTY", code: 1)
        }
        var o = ExecOptions(command: command)
        o.detach = detach
        o.interactive = interactive
        o.tty = tty
        o.env = try env.map { try FlagValue.env($0, command: "exec") }
        o.workingDir = workdir
        o.user = user
        let code = try IsolabMain.runtime().exec(container, o)
        if code != 0 { throw ExitCode(code) }
    }
}
