import ArgumentParser
import ContainerRuntime
import Foundation

/// `diff CONTAINER`: the changes of its writable layer, `A`/`C`/`D` and the path, sorted.
public struct DiffCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "diff", abstract: "Inspect changes to files or directories on a container's filesystem")
    public init() {}

    @Argument var container: String

    public func run() throws {
        let rt = IsolabMain.runtime()
        let changes = try rt.changes(of: try rt.container(container))
        try? FileHandle.standardOutput.write(contentsOf: Data(changes.map { "\($0.kind.rawValue) \($0.path)\n" }.joined().utf8))
    }
}
