import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One `/bin/sh -c COMMAND` in a process group of its own, stdin from /dev/null (a here-document
/// in the command gives it input), stdout and stderr into one pipe or one file.
final class ShellProcess {
    enum Output { case pipe, file(String) }

    struct SpawnError: Error, CustomStringConvertible {
        var operation: String
        var path: String
        var code: Int32
        var description: String { "\(operation) \(path): \(String(cString: strerror(code))) (errno \(code))" }
    }

    let pid: pid_t
    /// The read end of the output pipe (nil when the output goes to a file).
    private var readFD: Int32?
    private let cancellation: RunCancellation
    private(set) var started: Double
    private var reaped = false
    private var rawStatus: Int32 = 0

    /// Output kept per command; more is read (so the command never blocks) but dropped.
    static let outputLimit = 1 << 20
    /// What ends an output cut at `outputLimit`.
    static let truncationNote = "\n[isolab: output truncated at \(outputLimit) bytes]\n"

    init(command: String, environment: [String: String], directory: String, output: Output,
         cancellation: RunCancellation) throws {
        self.cancellation = cancellation
        var fds: [Int32] = [-1, -1]
        var writeFD: Int32 = -1
        switch output {
        case .pipe:
            // O_CLOEXEC: runs on other threads must not inherit our pipe and hold it open.
            guard GNUFunctions.pipe2(&fds, O_CLOEXEC) == 0 else { throw SpawnError(operation: "pipe2", path: command, code: errno) }
            readFD = fds[0]; writeFD = fds[1]
        case .file(let path):
            writeFD = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard writeFD >= 0 else { throw SpawnError(operation: "open", path: path, code: errno) }
        }
        defer { close(writeFD) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeFD, 1)
        posix_spawn_file_actions_adddup2(&actions, writeFD, 2)
        let chdirStatus = GNUFunctions.addChdir(&actions, directory)
        guard chdirStatus == 0 else {
            if let fd = readFD { close(fd) }
            throw SpawnError(operation: "posix_spawn_file_actions_addchdir_np", path: directory, code: chdirStatus)
        }

        // A group of its own, so a timeout kills everything the command started.
        var child: pid_t = 0
        let rc = ProcessSpawn.spawn(&child, path: "/bin/sh", argv: ["/bin/sh", "-c", command], environment: environment,
                                    actions: &actions, leading: .processGroup)
        guard rc == 0 else {
            if let fd = readFD { close(fd) }
            throw SpawnError(operation: "posix_spawn", path: "/bin/sh (in \(directory))", code: rc)
        }
        pid = child
        started = MonotonicClock.now()
        cancellation.register(child)
    }

    deinit {
        if let fd = readFD { close(fd) }
        if !reaped {
            _ = killpg(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        cancellation.unregister(pid)
    }

    /// SIGKILLs the whole group.
    func killGroup() {
        _ = killpg(pid, SIGKILL)
    }

    /// Reads the pipe while waiting (a full pipe never blocks the command), kills the group at
    /// `timeout` or on cancellation, and returns what was read. `onOutput` sees each chunk as
    /// it is read (the walk shows output live), the part beyond the kept limit included.
    func wait(timeout: Double, onOutput: (([UInt8]) -> Void)? = nil) -> ProcessOutcome {
        var output = [UInt8]()
        var truncated = false
        let deadline = started + timeout
        var timedOut = false, interrupted = false, killed = false
        var reapedAt: Double? = nil
        var eof = readFD == nil
        var buffer = [UInt8](repeating: 0, count: 65536)

        while true {
            if !reaped {
                var status: Int32 = 0
                let r = waitpid(pid, &status, WNOHANG)
                if r == pid {
                    reaped = true; rawStatus = status; reapedAt = MonotonicClock.now()
                    // Whatever the shell left behind in its group goes with it.
                    _ = killpg(pid, SIGKILL)
                } else if r < 0, errno != EINTR {
                    reaped = true; reapedAt = MonotonicClock.now()
                }
            }
            let now = MonotonicClock.now()
            if !reaped, !killed {
                if cancellation.isCancelled { interrupted = true; killed = true; killGroup() }
                else if now >= deadline { timedOut = true; killed = true; killGroup() }
            }
            if let at = reapedAt {
                // After the shell is gone, stop at EOF, or shortly after: a process that left
                // the group (a container monitor) may hold the pipe open for ever.
                if eof || now - at > 0.25 { break }
            } else if eof {
                // The pipe closed but the shell lives on: poll the reaper without spinning.
                usleep(10_000)
                continue
            }
            guard let fd = readFD else { usleep(10_000); continue }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, 20)
            if ready > 0 {
                let n = read(fd, &buffer, buffer.count)
                if n > 0 {
                    onOutput?(Array(buffer[0..<n]))
                    let room = ShellProcess.outputLimit - output.count
                    if room > 0 { output.append(contentsOf: buffer[0..<min(n, room)]) }
                    if n > room { truncated = true }
                } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    eof = true
                }
            }
        }
        if let fd = readFD { close(fd); readFD = nil }
        cancellation.unregister(pid)
        var text = String(decoding: output, as: UTF8.self)
        if truncated { text += ShellProcess.truncationNote }
        return outcome(output: text, timedOut: timedOut, interrupted: interrupted)
    }

    /// Kills the group, reaps the shell, and describes how it ended (for background and measuring
    /// blocks, whose output went to a file).
    func stop(output: String) -> ProcessOutcome {
        var wasRunning = false
        if !reaped {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                rawStatus = status
            } else {
                wasRunning = true
                killGroup()
                _ = waitpid(pid, &status, 0)
                rawStatus = status
            }
            reaped = true
        }
        killGroup()
        cancellation.unregister(pid)
        var result = outcome(output: output, timedOut: false, interrupted: false)
        if wasRunning { result.exitStatus = nil }
        return result
    }

    private func outcome(output: String, timedOut: Bool, interrupted: Bool) -> ProcessOutcome {
        let duration = MonotonicClock.now() - started
        // A cancel from another thread may kill the group before this thread notices the flag.
        let interrupted = interrupted || (!timedOut && rawStatus & 0x7f == SIGKILL && cancellation.isCancelled)
        if timedOut || interrupted {
            return ProcessOutcome(output: output, exitStatus: nil, signal: SIGKILL, timedOut: timedOut,
                                  interrupted: interrupted, duration: duration)
        }
        let low = rawStatus & 0x7f
        if low == 0 {
            return ProcessOutcome(output: output, exitStatus: (rawStatus >> 8) & 0xff, signal: nil,
                                  timedOut: false, interrupted: false, duration: duration)
        }
        return ProcessOutcome(output: output, exitStatus: 128 + low, signal: low,
                              timedOut: false, interrupted: false, duration: duration)
    }
}
