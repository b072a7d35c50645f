import ArgumentParser
import ContainerRuntime
import Foundation

/// `inspect [-f T] NAME...`: containers first, then images, as Docker resolves them.
public struct InspectCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "inspect", abstract: "Return low-level information on Docker objects")
    public init() {}

    @Option(name: [.customShort("f"), .customLong("format")], help: "Format output using a Go template") var format: String?
    @Option(name: .customLong("type"), help: "Return JSON for specified type (container, image)") var type: String?
    @Argument(help: "Names or IDs") var names: [String]

    static let types = ["config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"]

    public func run() throws {
        if let t = type, !t.isEmpty, !Self.types.contains(t) {
            throw RuntimeError(.invalidArgument, "unknown type: \"\(t)\": must be one of " + Self.types.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        let rt = IsolabMain.runtime()
        var objects: [Any] = []
        var missing: [String] = []
        for n in names {
            if type != "image", let c = try? rt.container(n, allowBroken: true) { objects.append(ContainerJSON.inspect(c, startedAt: rt.startedAt(c))); continue }
            if type != "container", let found = try? rt.image(n), let img = found as ImageRecord? {
                objects.append(try rt.inspectJSON(of: img)); continue
            }
            missing.append(n)
        }
        if let f = format {
            let t = try GoTemplate(f, missingKey: .noValue)   // docker/cli falls back to the raw JSON
            for o in objects { print(try t.render(o)) }
        } else {
            print(JSONText.pretty(objects))
        }
        fflush(stdout)
        if !missing.isEmpty {
            for m in missing { try? FileHandle.standardError.write(contentsOf: Data("Error: No such object: \(m)\n".utf8)) }
            throw ExitCode(1)
        }
    }
}
