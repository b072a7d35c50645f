import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tmux server of its own (`-L` socket) with one window running a command: keys go in with
/// send-keys, the screen comes out with capture-pane, as a person would see it. `close()` kills
/// the server (and with it the command); call it in a `defer`.
final class TmuxWindow {
    let socket: String

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Starts `command` (a shell command line) in a window of `width` × `height`; when it ends
    /// the window prints `WALK-EXIT=<status>`, then `TTY-RESTORED` or `TTY-LEFT-RAW`, and stays.
    init(command: String, width: Int, height: Int) throws {
        socket = "isolab-walk-test-" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
        // The window's shell shares the walk's process group (it has no job control), so a
        // Ctrl-C reaches it too: a trap keeps it alive to print the status (an interactive
        // shell would have put the walk in a group of its own).
        // After it: were the terminal's modes given back (line editing and echo on)?
        let wrapped = "trap : INT; " + command + "; echo WALK-EXIT=$?; "
            + "if stty -a | grep -Eq -- '-icanon|-echo '; then echo TTY-LEFT-RAW; else echo TTY-RESTORED; fi; sleep 3600"
        try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "/bin/sh", "-c", wrapped])
        // Scrollback for the whole walk; the window keeps its size until the test resizes it.
        try tmux(["set-option", "-g", "history-limit", "20000"])
        try tmux(["set-window-option", "-g", "window-size", "manual"])
    }

    static let path: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// glibc's posix_spawn_file_actions_addclosefrom_np (2.34), which Swift's Glibc module
    /// leaves out without _GNU_SOURCE.
    private static let addClosefrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? =
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self) }

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        guard let path = Self.path else { throw Failure(description: "tmux is not installed") }
        // posix_spawn and waitpid, and a file rather than a pipe: new-session leaves a server
        // behind that keeps the descriptors it was given, so a pipe would never reach its end.
        let file = NSTemporaryDirectory() + socket + "-" + UUID().uuidString + ".out"
        defer { unlink(file) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // The server lives to the end of the test; it must not keep what another test of this
        // process had open at this moment without close-on-exec (Foundation's Data.write and
        // FileHandle open so): a file of an overlay made that test's umount fail with EBUSY.
        if let closefrom = Self.addClosefrom { _ = closefrom(&actions, 3) }
        let argv = [path, "-L", socket] + arguments
        var cArgv: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cArgv { free(p) } }
        // The test runner blocks signals its threads do not want; tmux's server inherits the
        // mask and would never see its panes end (SIGCHLD) or kill-server through.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var mask = sigset_t()
        sigemptyset(&mask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGCHLD, SIGHUP, SIGTERM, SIGINT, SIGPIPE, SIGWINCH, SIGUSR1, SIGUSR2] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, &attributes, &cArgv, environ)
        guard rc == 0 else { throw Failure(description: "posix_spawn tmux: errno \(rc)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")): status \(status): \(text)")
        }
        return text
    }

    /// Keys by tmux's names (`Enter`, `C-c`) or literal text (`literal: true`).
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", "0"] + (literal ? ["-l"] : []) + keys)
    }

    /// The whole screen and its scrollback, as plain text.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "0", "-S", "-20000"])
    }

    /// The visible part of the window only.
    func visibleScreen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "0"])
    }

    /// Waits until the screen contains `text` (after `after` occurrences of it were there).
    @discardableResult
    func wait(for text: String, count: Int = 1, timeout: Double = 90) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let s = try screen()
            if s.components(separatedBy: text).count - 1 >= count { return s }
            if Date() > deadline {
                throw Failure(description: "no \"\(text)\" (×\(count)) within \(timeout)s; the screen:\n\(s)")
            }
            usleep(200_000)
        }
    }

    /// The pid of the command's first child (the walk), through the window's shell.
    func commandPID() throws -> String {
        let shell = try tmux(["list-panes", "-t", "0", "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        guard let pid = children.split(separator: " ").first else { throw Failure(description: "no child of \(shell)") }
        return String(pid)
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
    }

    func close() {
        _ = try? tmux(["kill-server"])
        // The server may leave its socket behind when killed with panes still running.
        let folder = (ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp") + "/tmux-\(getuid())/"
        unlink(folder + socket)
    }
}
