import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A build step's program (apt-get, dpkg-source, make, debootstrap) run with its output appended
/// to a log file instead of the terminal: image builds stay quiet, and a failure quotes the end of
/// the log. `onLine` sees each output line as it comes, for progress.
struct LoggedCommand {
    var executable: String
    var arguments: [String]
    var directory: String? = nil
    var environment: [String: String]? = nil
    /// What the error says was being done ("build busybox: make").
    var what: String

    /// How much of the log's end a failure quotes.
    static let tailBytes = 2000

    func run(log: String, onLine: ((String) -> Void)? = nil) throws {
        let logFD = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard logFD >= 0 else { throw RuntimeError.errno("open", log) }
        defer { close(logFD) }
        try FileIO.writeAll(logFD, Data("$ \(([executable] + arguments).joined(separator: " "))\n".utf8), path: log)

        // Nothing may wait for an answer on the terminal (kconfig asks on new symbols): standard
        // input is /dev/null.
        let pipe = onLine == nil ? nil : try ChildProcess.pipe()
        let child: ChildProcess
        do {
            child = try ChildProcess.spawn(executable, arguments, directory: directory, environment: environment,
                                           stdout: pipe?.write ?? logFD, stderr: pipe?.write ?? logFD)
        } catch {
            if let pipe { close(pipe.read); close(pipe.write) }
            throw RuntimeError(.failed, "\(what): \(error)")
        }
        if let pipe, let onLine {
            // Ours: the child holds the write end now; EOF comes when it (and its children) exit.
            close(pipe.write)
            defer { close(pipe.read) }
            try relay(pipe.read, to: logFD, log: log, onLine: onLine)
        }
        let end = child.wait()
        guard end.exited, end.status == 0 else {
            let how = end.exited ? "exited \(end.status)" : "was killed by signal \(end.status)"
            throw RuntimeError(.failed, "\(what) \(how); the end of \(log):\n\(LoggedCommand.tail(of: log))")
        }
    }

    /// Copies the child's output into the log and hands each complete line to `onLine`.
    private func relay(_ fd: Int32, to logFD: Int32, log: String, onLine: (String) -> Void) throws {
        var pending = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            try buffer.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return }
                try FileIO.writeAll(logFD, base, count: n, path: log)
            }
            pending.append(contentsOf: buffer[0..<n])
            while let newline = pending.firstIndex(of: 0x0a) {
                onLine(String(decoding: pending[..<newline], as: UTF8.self))
                pending.removeSubrange(...newline)
            }
            // A line without an end (a progress bar) must not grow without bound.
            if pending.count > 65536 { pending.removeAll() }
        }
        if !pending.isEmpty { onLine(String(decoding: pending, as: UTF8.self)) }
    }

    /// The last lines of `log`, at most `tailBytes` of it.
    static func tail(of log: String) -> String {
        let fd = open(log, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return "(no log)" }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return "(no log)" }
        let start = max(0, Int(st.st_size) - tailBytes)
        var buf = [UInt8](repeating: 0, count: Int(st.st_size) - start)
        let n = pread(fd, &buf, buf.count, off_t(start))
        guard n > 0 else { return "(empty log)" }
        var text = String(decoding: buf[0..<n], as: UTF8.self)
        // Start at a line boundary when the cut fell inside one.
        if start > 0, let newline = text.firstIndex(of: "\n") { text = String(text[text.index(after: newline)...]) }
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
