import ArgumentParser
import ContainerRuntime
import Foundation

/// `top CONTAINER [ps OPTIONS]`: the container's processes as the host's `ps` with the given
/// options shows them (`Runtime.processes`), laid out in aligned columns (the command, last,
/// keeps its spaces).
public struct TopCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "top", abstract: "Display the running processes of a container")
    public init() {}

    @Argument var container: String
    @Argument(parsing: .captureForPassthrough) var psOptions: [String] = []

    public func run() throws {
        let table = try IsolabMain.runtime().processes(of: container, psOptions: psOptions)
        let rows = [table.titles] + table.processes
        try? FileHandle.standardOutput.write(contentsOf: Data(TableWriter.align(rows, minWidth: 20).map { $0 + "\n" }.joined().utf8))
    }
}
