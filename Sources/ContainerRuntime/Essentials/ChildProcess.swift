import CRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// isolab's one way to start a program (Foundation's Process is not in FoundationEssentials; see
/// CFormat): posix_spawn, so no Swift code runs in the child. Standard input from /dev/null (or
/// inherited), standard output and error to the descriptors given (inherited where nil), an
/// optional working directory and environment, default signal handling, and no other descriptor:
/// everything from 3 up is closed in the child, whether or not its opener asked for close-on-exec
/// (Foundation's file APIs do not), so a child never holds a file of a mount isolab or a test is
/// about to unmount (umount's EBUSY). One descriptor can be passed on explicitly as the child's 3.
public struct ChildProcess {
    public let pid: pid_t

    /// Where the child's standard input comes from.
    public enum Input: Sendable { case null, inherit }

    /// How a child ended: `exited` with its exit status, or not, with the signal that killed it
    /// (status 0 when it could not be waited for).
    public struct Termination: Sendable, Equatable {
        public var exited: Bool
        public var status: Int32
        /// The shell's convention: the exit status, or 128 + the signal.
        public var code: Int32 { exited ? status : 128 + status }
    }

    /// The descriptor number a `passing` descriptor has in the child.
    public static let passedDescriptor: Int32 = 3

    public static func spawn(_ executable: String, _ arguments: [String], directory: String? = nil,
                             environment: [String: String]? = nil, stdin: Input = .null,
                             stdout: Int32? = nil, stderr: Int32? = nil, passing: Int32? = nil) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if stdin == .null { posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0) }
        if let stdout { posix_spawn_file_actions_adddup2(&actions, stdout, 1) }
        if let stderr { posix_spawn_file_actions_adddup2(&actions, stderr, 2) }
        // After stdio's dup2s, which may read from 3; dup2 onto itself clears close-on-exec (glibc ≥ 2.29).
        if let passing { posix_spawn_file_actions_adddup2(&actions, passing, passedDescriptor) }
        if let directory { isolab_spawn_addchdir(&actions, directory) }
        isolab_spawn_addclosefrom(&actions, passing == nil ? 3 : passedDescriptor + 1)
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
        // A child writing to our stdout or stderr comes after what we printed, not before.
        fflush(nil)
        var pid: pid_t = 0
        let rc = argv.withUnsafeMutableBufferPointer { a in
            envp.withUnsafeMutableBufferPointer { e in
                guard let args = a.baseAddress, let env = environment == nil ? environ : e.baseAddress else { return EINVAL }
                return posix_spawn(&pid, executable, &actions, &attributes, args, env)
            }
        }
        guard rc == 0 else {
            throw RuntimeError.errno("posix_spawn", executable, rc)
                .restated("cannot run \(executable): \(String(cString: strerror(rc)))")
        }
        return ChildProcess(pid: pid)
    }

    /// Waits for the end (EINTR retried), through the C side's one waitpid loop.
    public func wait() -> Termination {
        var raw: Int32 = 0
        guard isolab_wait_status(pid, &raw) >= 0 else { return Termination(exited: false, status: 0) }
        let signal = raw & 0x7f
        return signal == 0 ? Termination(exited: true, status: (raw >> 8) & 0xff) : Termination(exited: false, status: signal)
    }

    /// Waits for the end: the exit status or 128 + the signal, -1 when it cannot be waited for.
    public func waitCode() -> Int32 { isolab_wait_status(pid, nil) }

    /// A pipe whose ends are closed on exec (the child gets the write end through dup2).
    public static func pipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        guard isolab_pipe_cloexec(&fds) == 0 else { throw RuntimeError.errno("pipe") }
        return (fds[0], fds[1])
    }
}
