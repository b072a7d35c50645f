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

    public func run() throws {
        let rt = IsolabMain.runtime()
        var objects: [Any] = []
        var missing: [String] = []
        for n in names {
            if type != "image", let c = try? rt.store.find(n, allowBroken: true) { objects.append(ContainerJSON.inspect(c, startedAt: rt.store.startedAt(id: c.id))); continue }
            if type != "container", let found = try? rt.images.find(n), let img = found as ImageRecord? {
                objects.append(try rt.images.inspectJSON(img)); continue
            }
            missing.append(n)
        }
        if let f = format {
            let t = try GoTemplate(f)
            for o in objects { print(try t.render(o)) }
        } else {
            print(JSONText.pretty(objects))
        }
        if !missing.isEmpty {
            for m in missing { FileHandle.standardError.write(Data("Error: No such object: \(m)\n".utf8)) }
            throw ExitCode(1)
        }
    }
}
