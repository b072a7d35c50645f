import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// What a container wrote, as its monitor logged it (`docker logs`).
extension Runtime {
    /// Hands `emit` the container's log entries inside `window`: the last `tail` of them (all when
    /// nil), then with `follow` what it writes next, until it stops (or the window's end passes).
    public func logs(of c: Container, tail: Int?, follow: Bool, window: LogWindow,
                     emit: (ContainerLogEntry) -> Void) throws {
        let fd = open(c.logPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        /// What the log has beyond the last read (FileHandle's availableData; empty at its end).
        // A log that cannot be read (a directory, EIO) is an error naming it.
        func available() throws -> Data {
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n < 0 { throw RuntimeError.errno("read", c.logPath) }
                return n > 0 ? Data(buffer[0..<n]) : Data()
            }
        }
        func toEnd() throws -> Data {
            var all = Data()
            while case let more = try available(), !more.isEmpty { all.append(more) }
            return all
        }
        var data = try toEnd()
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
            let more = try available()
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
                pending.append(try toEnd())
                for e in ContainerLogEntry.parse(pending) where window.keeps(e) { emit(e) }
                return
            }
            usleep(100_000)
        }
    }
}
