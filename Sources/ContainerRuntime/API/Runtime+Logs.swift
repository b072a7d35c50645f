import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a container wrote, as its monitor logged it (`docker logs`).
extension Runtime {
    /// Hands `emit` the container's log entries inside `window`: the last `tail` of them (all when
    /// nil), then with `follow` what it writes next, until it stops (or the window's end passes).
    public func logs(of c: Container, tail: Int?, follow: Bool, window: LogWindow,
                     emit: (ContainerLogEntry) -> Void) throws {
        guard let fh = FileHandle(forReadingAtPath: c.logPath) else { return }
        defer { try? fh.close() }
        // readDataToEndOfFile and availableData are try!/fatalError inside: a log that cannot
        // be read (a directory, EIO) must be an error naming it, not a trap.
        func readToEnd() throws -> Data {
            do { return try fh.readToEnd() ?? Data() } catch {
                throw RuntimeError(.failed, "read \(c.logPath): \(error.localizedDescription)", operation: "read", path: c.logPath)
            }
        }
        var data = try readToEnd()
        // A torn last line (the monitor is writing it) waits for the next read.
        var pending = Data()
        if let lastNL = data.lastIndex(of: 10), lastNL + 1 < data.endIndex {
            pending = data[(lastNL + 1)...]
            data = data[..<(lastNL + 1)]
        } else if data.last != 10 { pending = data; data = Data() }
        var entries = ContainerLogEntry.parse(data)
        if let tail { entries = Array(entries.suffix(tail)) }
        for e in entries where window.keeps(e) { emit(e) }
        guard follow else { return }
        while true {
            let more = try readToEnd()
            if !more.isEmpty {
                pending.append(more)
                if let lastNL = pending.lastIndex(of: 10) {
                    let complete = pending[...lastNL]
                    pending = Data(pending[(lastNL + 1)...])
                    for e in ContainerLogEntry.parse(Data(complete)) where window.keeps(e) { emit(e) }
                }
                continue
            }
            if let u = window.until, Int64(Date().timeIntervalSince1970) > u.seconds { return }
            guard let now = try? store.load(id: c.id), now.isRunning else {
                // The monitor logs what is still in the pipes after the init ends: wait for it.
                if let run = c.run { HostProcess.waitGone(run.monitorPid, startTime: run.monitorStartTime, timeout: 5) }
                pending.append(try readToEnd())
                for e in ContainerLogEntry.parse(pending) where window.keeps(e) { emit(e) }
                return
            }
            usleep(100_000)
        }
    }
}
