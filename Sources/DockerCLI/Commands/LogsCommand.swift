import ArgumentParser
import ContainerRuntime
import Foundation

/// `logs [OPTIONS] CONTAINER`: what the container wrote, kept by its monitor for every
/// container (attached or not), stdout to stdout and stderr to stderr.
public struct LogsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "logs", abstract: "Fetch the logs of a container")
    public init() {}

    @Flag(name: .long, help: "Show extra details provided to logs") var details = false
    @Flag(name: .shortAndLong, help: "Follow log output") var follow = false
    @Option(help: "Show logs since timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)") var since: String?
    @Option(name: [.customShort("n"), .customLong("tail")], help: "Number of lines to show from the end of the logs") var tail: String = "all"
    @Flag(name: .shortAndLong, help: "Show timestamps") var timestamps = false
    @Option(help: "Show logs before a timestamp (e.g. \"2013-01-02T13:23:37Z\") or relative (e.g. \"42m\" for 42 minutes)") var until: String?
    @Argument var container: String

    public func run() throws {
        let rt = IsolabMain.runtime()
        let c = try rt.container(container)
        let now = Date()
        do {
            let window = try LogWindow(since: since.map { try LogTimestamp.parse($0, now: now) },
                                       until: until.map { try LogTimestamp.parse($0, now: now) })
            try rt.logs(of: c, tail: try tailCount(), follow: follow, window: window, emit: write)
        } catch let e as LogTimestamp.Invalid {
            throw RuntimeError(.invalidArgument, e.description)
        }
    }

    /// `--tail`'s value: nil for all.
    private func tailCount() throws -> Int? {
        guard tail != "all" else { return nil }
        guard let n = Int(tail) else {
            throw RuntimeError(.invalidArgument, "invalid argument \"\(tail)\" for \"-n, --tail\" flag: strconv.ParseInt: parsing \"\(tail)\": invalid syntax")
        }
        return n < 0 ? nil : n
    }

    private func write(_ e: ContainerLogEntry) {
        var line = ""
        if timestamps, let t = e.timestamp { line = LogTimestamp.format(seconds: t.seconds, nanos: t.nanos) + " " }
        if details { line += " " }   // Docker puts the entry's attributes here; isolab's entries have none
        line += e.log
        let out = e.stream == "stderr" ? FileHandle.standardError : FileHandle.standardOutput
        try? out.write(contentsOf: Data(line.utf8))
    }
}
