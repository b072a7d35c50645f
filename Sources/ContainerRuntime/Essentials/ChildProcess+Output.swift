import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Running a program for what it prints (`ps` for `docker top`, `busybox --list`).
extension ChildProcess {
    /// What `run` gives back.
    public struct Output: Sendable {
        public var termination: Termination
        public var stdout: Data
        public var stderr: Data
    }

    /// Runs `executable` to its end, standard input from /dev/null: its standard output kept up to
    /// `outputLimit` bytes, its standard error up to `errorLimit` (sent to /dev/null where nil).
    /// Output past a limit is read and dropped, so the program never blocks on a full pipe.
    public static func run(_ executable: String, _ arguments: [String], outputLimit: Int, errorLimit: Int?) throws -> Output {
        let out = try pipe()
        let err: (read: Int32, write: Int32)
        do {
            if errorLimit != nil {
                err = try pipe()
            } else {
                let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
                guard null >= 0 else { throw RuntimeError.errno("open", "/dev/null") }
                err = (-1, null)
            }
        } catch {
            close(out.read); close(out.write)
            throw error
        }
        let child: ChildProcess
        do { child = try spawn(executable, arguments, stdout: out.write, stderr: err.write) } catch {
            for fd in [out.read, out.write, err.read, err.write] where fd >= 0 { close(fd) }
            throw error
        }
        // Ours closed: the end of output comes when the child (and whatever it started) closes its copies.
        close(out.write)
        close(err.write)
        let data = collect([out.read, err.read], limits: [outputLimit, errorLimit ?? 0])
        return Output(termination: child.wait(), stdout: data[0], stderr: data[1])
    }

    /// Reads `fd` to its end, keeping at most `limit` bytes (the rest is read and dropped, so
    /// the writer never blocks), then closes it.
    public static func drain(_ fd: Int32, limit: Int) -> Data {
        collect([fd], limits: [limit])[0]
    }

    /// Reads the descriptors (-1: none) to their ends together, so that a program filling one
    /// pipe while we wait on the other cannot block both of us; at most `limits[i]` bytes of each
    /// are kept. Each is closed at its end.
    static func collect(_ fds: [Int32], limits: [Int]) -> [Data] {
        var open = fds
        var data = fds.map { _ in Data() }
        defer { for fd in open where fd >= 0 { close(fd) } }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while open.contains(where: { $0 >= 0 }) {
            var polled = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if poll(&polled, nfds_t(polled.count), -1) < 0 {
                if errno == EINTR { continue }
                return data
            }
            for i in polled.indices where open[i] >= 0 && polled[i].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { Glibc.read(open[i], $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    close(open[i])
                    open[i] = -1
                    continue
                }
                if data[i].count < limits[i] { data[i].append(contentsOf: buffer[0..<min(n, limits[i] - data[i].count)]) }
            }
        }
        return data
    }
}
