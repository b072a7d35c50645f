import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The flags that shape the process a container runs, shared by `run`, `create` and `exec`:
/// its environment, user, working directory and terminal. `validate()` checks the -e syntax
/// (pflag's words); --env-file is read when the command runs, the runtime judges the rest.
struct ProcessFlags: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Keep STDIN open even if not attached") var interactive = false
    @Flag(name: .shortAndLong, help: "Allocate a pseudo-TTY (the terminal is passed through)") var tty = false
    @Option(name: [.customShort("e"), .customLong("env")], help: "Set environment variables") var env: [String] = []
    @Option(name: .customLong("env-file"), help: "Read in a file of environment variables") var envFile: [String] = []
    @Option(name: [.customShort("u"), .customLong("user")], help: "Username or UID (format: <name|uid>[:<group|gid>])") var user: String?
    @Option(name: [.customShort("w"), .customLong("workdir")], help: "Working directory inside the container") var workdir: String?

    /// The flags, for FlagNormalizer: short → long for those that take a value, every long name,
    /// and the booleans.
    static let shortValues: [String: String] = ["e": "env", "u": "user", "w": "workdir"]
    static let longValues: Set<String> = ["env", "env-file", "user", "workdir"]
    static let shortBools: [String: String] = ["i": "interactive", "t": "tty"]
    static let longBools: Set<String> = ["interactive", "tty"]

    init() {}

    func validate() throws { for e in env { _ = try FlagValue.env(e) } }

    /// --env-file's entries, then -e's, as Docker orders them (a later one wins).
    func environment() throws -> [String] {
        try (envFile.flatMap(EnvFile.read) + env).map { try FlagValue.env($0) }
    }
}
