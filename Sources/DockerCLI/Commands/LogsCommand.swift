import ArgumentParser
import ContainerRuntime
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `logs [-f] [--tail N] CONTAINER`: the output of a detached container, kept by its monitor.
public struct LogsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "logs", abstract: "Fetch the logs of a container")
    public init() {}

    @Flag(name: .shortAndLong, help: "Follow log output") var follow = false
    @Option(name: [.customShort("n"), .customLong("tail")], help: "Number of lines to show from the end of the logs") var tail: String = "all"
    @Argument var container: String

    public func run() throws {
        let store = ContainerStore(context: RuntimeContext.fromEnvironment())
        let c = try store.find(container)
        guard let fh = FileHandle(forReadingAtPath: c.logPath) else { return }
        defer { try? fh.close() }
        let data = fh.readDataToEndOfFile()
        var text = data
        if tail != "all" && tail != "-1" {
            guard let n = Int(tail), n >= 0 else {
                throw RuntimeError(.invalidArgument, "invalid argument \"\(tail)\" for \"--tail\" flag")
            }
            let lines = data.split(separator: 10, omittingEmptySubsequences: false)
            let trailingNewline = data.last == 10
            let body = trailingNewline ? lines.dropLast() : lines[...]
            text = Data(body.suffix(n).joined(separator: [10])) + (trailingNewline && n > 0 ? Data([10]) : Data())
        }
        FileHandle.standardOutput.write(text)
        guard follow else { return }
        while true {
            let more = fh.availableData
            if !more.isEmpty { FileHandle.standardOutput.write(more); continue }
            guard let now = try? store.load(id: c.id), now.isRunning else {
                FileHandle.standardOutput.write(fh.readDataToEndOfFile())
                return
            }
            usleep(100_000)
        }
    }
}
