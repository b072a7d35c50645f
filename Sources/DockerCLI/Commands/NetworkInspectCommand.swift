import ArgumentParser
import ContainerRuntime
import Foundation

/// `network inspect [-f T] NETWORK...`: Docker's JSON, `[]` and the error for a missing one.
public struct NetworkInspectCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "inspect", abstract: "Display detailed information on one or more networks")
    public init() {}

    @Option(name: .shortAndLong, help: "Format output using a custom template") var format: String?
    @Flag(name: .shortAndLong, help: "Verbose output for diagnostics (accepted)") var verbose = false
    @Argument var networks: [String]

    public func run() throws {
        let rt = IsolabMain.runtime()
        let all = NetworkView.all(rt)
        var objects: [Any] = []
        var errors: [String] = []
        for ref in networks {
            do { objects.append(try NetworkView.find(ref, in: all).json(rt)) } catch let e as RuntimeError { errors.append(e.dockerText()) }
        }
        if let f = format, f != "json" {
            let t = try GoTemplate(f, missingKey: .noValue)
            for o in objects { print(try t.render(o)) }
        } else if format == "json" {
            for o in objects { print(JSONText.compact(o)) }
        } else {
            print(JSONText.pretty(objects))
        }
        fflush(stdout)
        if !errors.isEmpty {
            for m in errors { try? FileHandle.standardError.write(contentsOf: Data((m + "\n").utf8)) }
            throw ExitCode(1)
        }
    }
}
