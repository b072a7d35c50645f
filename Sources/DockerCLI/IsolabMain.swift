import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Entry point shared by `isolab` and `docker` (argv[0] dispatch): folds the global flags
/// (`--root`, `--namespace`) into the environment, parses, runs, and maps errors to Docker's
/// wording and exit codes (125 for isolab's own errors).
public enum IsolabMain {
    /// The name the user typed: "docker" or "isolab"; used in messages.
    nonisolated(unsafe) public static var programName = "isolab"

    public static func run(arguments: [String], root: ParsableCommand.Type) -> Never {
        Trace.start()
        programName = PathName.last(arguments.first ?? "isolab") == "docker" ? "docker" : "isolab"
        var rest: [String]
        do { rest = try GlobalFlags.fold(Array(arguments.dropFirst())) } catch {
            fail("\(programName): \(error)\nSee '\(programName) --help'.", code: 125)
        }
        if rest.isEmpty { rest = ["--help"] }
        if let ns = ProcessInfo.processInfo.environment["ISOLAB_NAMESPACE"], !ns.isEmpty {
            do { try NamespaceName.validate(ns) } catch let e as RuntimeError { fail(e.message, code: 125) } catch {}
        }
        rest = ManagementForms.rewrite(rest)
        do { rest = try FlagNormalizer.normalize(rest) } catch {
            let key = CommandUsage.key(rest)
            if let usage = CommandUsage.table[key] { fail(usage.flagMessage("\(error)", program: programName, key: key), code: 125) }
            fail("\(programName): \(error)", code: 125)
        }
        let command: ParsableCommand
        do {
            command = try root.parseAsRoot(rest)
            Trace.mark("arguments parsed")
        } catch {
            if root.exitCode(for: error) == .success { root.exit(withError: error) }
            usageFailure(root.message(for: error), arguments: rest, root: root)
        }
        // Docker: `run` and `create` exit 125 for their own errors; every other command exits 1.
        let ownErrorCode: Int32 = command is ExitsWith125OnError ? 125 : 1
        // Docker 28's `run` and `create` put "docker: " before their errors and end them with
        // where to read more.
        let runName = command is RunCommand ? "run" : (command is CreateCommand ? "create" : nil)
        let trailer = runName.map { "\n\nRun '\(programName) \($0) --help' for more information" } ?? ""
        do {
            var c = command
            try c.run()
            Trace.mark("command done")
            exit(0)
        } catch let e as RuntimeError {
            let text = e.dockerText(inRun: runName != nil)
            if case .cannotExecute(let code) = e.kind { fail(text + trailer, code: code) }
            fail(text + trailer, code: ownErrorCode)
        } catch let e as DockerClientError {
            // docker/cli's own refusal (an env file, a seccomp profile), before any request.
            fail(e.dockerText(inRun: runName != nil) + trailer, code: ownErrorCode)
        } catch let e as ConfigValidationError {
            // The daemon's refusal of the settings (ConfigValidator), before anything was made.
            let name = runName ?? "run"
            fail(e.dockerText(inRun: true) + "\n\nRun '\(programName) \(name) --help' for more information", code: 125)
        } catch let e as FlagValueError {
            // The usage of the command that ran (`update` shares run's resource flags).
            let key = CommandUsage.table[CommandUsage.key(rest)] != nil ? CommandUsage.key(rest) : e.command
            let usage = CommandUsage.table[key]
            fail(usage?.flagMessage(e.description, program: programName, key: key) ?? "\(programName): \(e)", code: 125)
        } catch let e as ExitCode {
            fflush(stdout)
            exit(e.rawValue)
        } catch let e as GoTemplate.ParseError {
            fail(e.description, code: ownErrorCode)
        } catch {
            if root.exitCode(for: error) == .success { root.exit(withError: error) }
            fail("\(programName): \(root.message(for: error))", code: ownErrorCode)
        }
    }

    /// A command line ArgumentParser refused, in docker/cli's words: an unknown command exits 1,
    /// a wrong number of arguments 1 (with the usage line), a bad flag 125.
    static func usageFailure(_ message: String, arguments: [String], root: ParsableCommand.Type) -> Never {
        let p = programName
        if let first = arguments.first, !first.hasPrefix("-") {
            let known = root.configuration.subcommands.flatMap { [$0.configuration.commandName ?? ""] + $0.configuration.aliases }
            if !known.contains(first) {
                fail("\(p): unknown command: \(p) \(first)\n\nRun '\(p) --help' for more information", code: 1)
            }
        }
        let key = CommandUsage.key(arguments)
        let usage = key.isEmpty ? CommandUsage(usage: "[OPTIONS] COMMAND [ARG...]", arity: .atLeast(1)) : CommandUsage.table[key]
        if message.hasPrefix("Missing expected argument") || message.hasPrefix("Unexpected argument"), let usage {
            fail(usage.arityMessage(program: p, key: key), code: 1)
        }
        // A flag's value refused by an option group's validate() (FlagValueError, pflag's words).
        if message.hasPrefix("invalid argument \""), let usage {
            fail(usage.flagMessage(message, program: p, key: key), code: 125)
        }
        let flagError = dockerStyle(message)
        if flagError != message, let usage {
            fail(usage.flagMessage(flagError, program: p, key: key), code: 125)
        }
        fail("\(p): \(flagError)\nSee '\(p) \(key.isEmpty ? "" : key + " ")--help'.", code: 125)
    }

    public static func fail(_ message: String, code: Int32) -> Never {
        fflush(stdout)
        StandardStream.error((message.hasSuffix("\n") ? message : message + "\n"))
        exit(code)
    }

    /// ArgumentParser's flag errors in pflag's words: "unknown flag: --foo", "unknown shorthand
    /// flag: 'z' in -z", "flag needs an argument: 'm' in -m" / "flag needs an argument: --memory".
    static func dockerStyle(_ m: String) -> String {
        func quoted(after prefix: String) -> Substring {
            m.dropFirst(prefix.count).prefix { $0 != "'" && $0 != " " }
        }
        if m.hasPrefix("Unknown option '") {
            let flag = quoted(after: "Unknown option '")
            if flag.hasPrefix("--") { return "unknown flag: " + flag }
            return "unknown shorthand flag: '\(flag.dropFirst().prefix(1))' in \(flag)"
        }
        if m.hasPrefix("Missing value for '") {
            let flag = quoted(after: "Missing value for '")
            if flag.hasPrefix("--") { return "flag needs an argument: " + flag }
            return "flag needs an argument: '\(flag.dropFirst())' in \(flag)"
        }
        return m
    }

    /// This executable, for the monitor's exit command and the `docker` symlink of labs.
    public static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    public static func runtime() -> Runtime {
        Runtime(context: RuntimeContext.fromEnvironment(), isolabExecutable: executablePath())
    }
}
