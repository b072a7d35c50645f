import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// posix_spawn as isolab's shells need it: the child leads a process group or a session of its
/// own, the signals isolab handles or ignores are back to their defaults and none is blocked,
/// no descriptor but stdio reaches it, and argv and the environment (sorted, `KEY=value`) go in
/// as C arrays freed afterwards.
public enum ProcessSpawn {
    /// What the child leads: a process group (so a timeout or the terminal can reach everything
    /// it starts), or a new session (so a pseudo-terminal it opens becomes its controlling one).
    public enum Leadership: Sendable { case processGroup, session }

    /// glibc's POSIX_SPAWN_SETSID (spawn.h); Swift's Glibc module leaves it out without _GNU_SOURCE.
    private static let setsidFlag: Int32 = 0x80

    /// An ignored disposition survives exec (a caught one does not), and so does the signal mask:
    /// whatever isolab, or what started it, ignores or blocks, the child starts with the defaults.
    private static let defaultSignals = [SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGPIPE, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU, SIGWINCH]

    /// Spawns `path` and sets `child` to its pid; returns 0, or posix_spawn's error number.
    /// `actions` (stdio set-up) gets one more: every descriptor from 3 up is closed in the child.
    /// Foundation's file APIs open without close-on-exec, and a shell that inherited a file of a
    /// mount (a test's overlay, a container's rootfs) would keep it busy for its whole life.
    public static func spawn(_ child: inout pid_t, path: String, argv: [String], environment: [String: String],
                             actions: UnsafeMutablePointer<posix_spawn_file_actions_t>?, leading: Leadership) -> Int32 {
        var own = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&own)
        defer { posix_spawn_file_actions_destroy(&own) }
        return withUnsafeMutablePointer(to: &own) { ownActions in
            let fileActions = actions ?? ownActions
            // Last: the caller's dup2s may read from descriptors above 2. Without it (glibc < 2.34),
            // isolab's own descriptors are close-on-exec all the same.
            _ = GNUFunctions.addClosefrom(fileActions, 3)
            return spawn(&child, path: path, argv: argv, environment: environment, fileActions: fileActions, leading: leading)
        }
    }

    private static func spawn(_ child: inout pid_t, path: String, argv: [String], environment: [String: String],
                              fileActions: UnsafeMutablePointer<posix_spawn_file_actions_t>, leading: Leadership) -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in defaultSignals { sigaddset(&defaults, sig) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        var flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
        switch leading {
        case .processGroup:
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        case .session:
            flags |= setsidFlag
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        var cArgv: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        var cEnvp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in cArgv { free(p) }
            for p in cEnvp { free(p) }
        }
        return posix_spawn(&child, path, fileActions, &attributes, &cArgv, &cEnvp)
    }
}
