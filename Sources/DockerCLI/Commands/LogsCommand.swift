import ArgumentParser
import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

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
        let store = ContainerStore(context: RuntimeContext.fromEnvironment())
        let c = try store.find(container)
        let now = Date()
        do {
            let filter = try Filter(since: since.map { try LogTimestamp.parse($0, now: now) },
                                    until: until.map { try LogTimestamp.parse($0, now: now) })
            try show(c, store: store, filter: filter)
        } catch let e as LogTimestamp.Invalid {
            throw RuntimeError(.invalidArgument, e.description)
        }
    }

    struct Filter {
        var since: (seconds: Int64, nanos: Int)?
        var until: (seconds: Int64, nanos: Int)?
        func keeps(_ e: ContainerLogEntry) -> Bool {
            guard since != nil || until != nil else { return true }
            guard let t = e.timestamp else { return false }
            if let s = since, (t.seconds, t.nanos) < (s.seconds, s.nanos) { return false }
            if let u = until, (t.seconds, t.nanos) > (u.seconds, u.nanos) { return false }
            return true
        }
    }

    private func show(_ c: Container, store: ContainerStore, filter: Filter) throws {
        var lines = -1
        if tail != "all" {
            guard let n = Int(tail) else {
                throw RuntimeError(.invalidArgument, "invalid argument \"\(tail)\" for \"-n, --tail\" flag: strconv.ParseInt: parsing \"\(tail)\": invalid syntax")
            }
            lines = n
        }
        let fd = open(c.logPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        /// What the log has beyond the last read (FileHandle's availableData; empty at its end).
        func available() -> Data {
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                return n > 0 ? Data(buffer[0..<n]) : Data()
            }
        }
        func toEnd() -> Data {
            var all = Data()
            while case let more = available(), !more.isEmpty { all.append(more) }
            return all
        }
        var data = toEnd()
        // A torn last line (the monitor is writing it) waits for the next read.
        var pending = Data()
        if let lastNL = data.lastIndex(of: 10), lastNL + 1 < data.endIndex {
            pending = data[(lastNL + 1)...]
            data = data[..<(lastNL + 1)]
        } else if data.last != 10 { pending = data; data = Data() }
        var entries = ContainerLogEntry.parse(data)
        if lines >= 0 { entries = Array(entries.suffix(lines)) }
        for e in entries where filter.keeps(e) { write(e) }
        guard follow else { return }
        while true {
            let more = available()
            if !more.isEmpty {
                pending.append(more)
                if let lastNL = pending.lastIndex(of: 10) {
                    let complete = pending[...lastNL]
                    pending = Data(pending[(lastNL + 1)...])
                    for e in ContainerLogEntry.parse(Data(complete)) where filter.keeps(e) { write(e) }
                }
                continue
            }
            if let u = filter.until, Int64(Date().timeIntervalSince1970) > u.seconds { return }
            guard let now = try? store.load(id: c.id), now.isRunning else {
                // The monitor logs what is still in the pipes after the init ends: wait for it.
                if let run = c.run { HostProcess.waitGone(run.monitorPid, startTime: run.monitorStartTime, timeout: 5) }
                pending.append(toEnd())
                for e in ContainerLogEntry.parse(pending) where filter.keeps(e) { write(e) }
                return
            }
            usleep(100_000)
        }
    }

    private func write(_ e: ContainerLogEntry) {
        var line = ""
        if timestamps, let t = e.timestamp { line = LogTimestamp.format(seconds: t.seconds, nanos: t.nanos) + " " }
        if details { line += " " }   // Docker puts the entry's attributes here; isolab's entries have none
        line += e.log
        if e.stream == "stderr" { StandardStream.error(line) } else { StandardStream.out(line) }
    }
}
