import ArgumentParser
import ContainerRuntime
import Foundation
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
        programName = ((arguments.first ?? "isolab") as NSString).lastPathComponent == "docker" ? "docker" : "isolab"
        var rest: [String]
        do { rest = try GlobalFlags.fold(Array(arguments.dropFirst())) } catch {
            fail("\(programName): \(error)\nSee '\(programName) --help'.", code: 125)
        }
        if rest.isEmpty { rest = ["--help"] }
        if let ns = ProcessInfo.processInfo.environment["ISOLAB_NAMESPACE"], !ns.isEmpty {
            do { try NamespaceName.validate(ns) } catch let e as RuntimeError { fail(e.message, code: 125) } catch {}
        }
        let command: ParsableCommand
        do {
            command = try root.parseAsRoot(rest)
            Trace.mark("arguments parsed")
        } catch {
            if root.exitCode(for: error) == .success { root.exit(withError: error) }
            let sub = rest.first { !$0.hasPrefix("-") } ?? ""
            let msg = dockerStyle(root.message(for: error))
            fail("\(programName): \(msg)\nSee '\(programName) \(sub.isEmpty ? "" : sub + " ")--help'.", code: 125)
        }
        do {
            var c = command
            try c.run()
            Trace.mark("command done")
            exit(0)
        } catch let e as RuntimeError {
            fail(e.message, code: e.exitCode)
        } catch let e as ExitCode {
            fflush(stdout)
            exit(e.rawValue)
        } catch let e as GoTemplate.ParseError {
            fail(e.description, code: 125)
        } catch {
            if root.exitCode(for: error) == .success { root.exit(withError: error) }
            fail("\(programName): \(root.message(for: error))", code: 125)
        }
    }

    public static func fail(_ message: String, code: Int32) -> Never {
        fflush(stdout)
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
        exit(code)
    }

    /// ArgumentParser's "Unknown option '--foo'" becomes Docker's "unknown flag: --foo".
    static func dockerStyle(_ m: String) -> String {
        if m.hasPrefix("Unknown option '") {
            let flag = m.dropFirst("Unknown option '".count).prefix { $0 != "'" }
            return "unknown flag: " + flag
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
