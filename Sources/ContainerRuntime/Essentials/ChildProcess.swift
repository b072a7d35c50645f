import CRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A program started with posix_spawn (Foundation's Process is not in FoundationEssentials; see
/// CFormat): standard input from /dev/null, standard output and error to the descriptors given
/// (inherited where nil), an optional working directory and environment.
public struct ChildProcess {
    public let pid: pid_t

    public static func spawn(_ executable: String, _ arguments: [String], directory: String? = nil,
                             environment: [String: String]? = nil, stdout: Int32? = nil, stderr: Int32? = nil) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if let stdout { posix_spawn_file_actions_adddup2(&actions, stdout, 1) }
        if let stderr { posix_spawn_file_actions_adddup2(&actions, stderr, 2) }
        if let directory { isolab_spawn_addchdir(&actions, directory) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with default signal handling and no blocked signals, as Process gives it.
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) }
        argv.append(nil)
        defer { for p in argv { free(p) } }
        var envp: [UnsafeMutablePointer<CChar>?] = (environment ?? [:]).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in envp { free(p) } }
        var pid: pid_t = 0
        let rc = argv.withUnsafeMutableBufferPointer { a in
            envp.withUnsafeMutableBufferPointer { e in
                guard let args = a.baseAddress, let env = environment == nil ? environ : e.baseAddress else { return EINVAL }
                return posix_spawn(&pid, executable, &actions, &attributes, args, env)
            }
        }
        guard rc == 0 else {
            throw RuntimeError(.failed, "cannot run \(executable): \(String(cString: strerror(rc)))")
        }
        return ChildProcess(pid: pid)
    }

    /// Waits for the end: `exit` is true with the exit status, false with the signal that killed it.
    public func wait() -> (exited: Bool, status: Int32) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return (false, 0) }
        }
        let signal = status & 0x7f
        return signal == 0 ? (true, (status >> 8) & 0xff) : (false, signal)
    }

    /// A pipe whose ends are closed on exec (the child gets the write end through dup2).
    public static func pipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        guard isolab_pipe_cloexec(&fds) == 0 else { throw RuntimeError.errno("pipe") }
        return (fds[0], fds[1])
    }

    /// Reads `fd` to its end, keeping at most `limit` bytes (the rest is read and dropped, so
    /// the writer never blocks; with `stopAtLimit`, reading stops there instead), then closes it.
    public static func drain(_ fd: Int32, limit: Int, stopAtLimit: Bool = false) -> Data {
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return data }
            if data.count < limit { data.append(contentsOf: buffer[0..<min(n, limit - data.count)]) }
            if stopAtLimit && data.count >= limit { return data }
        }
    }
}
