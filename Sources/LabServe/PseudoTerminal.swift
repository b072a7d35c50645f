import Foundation
import LabEngine
#if canImport(Glibc)
import Glibc
#endif

/// A shell on a pseudo-terminal of its own: the page's terminal. The shell leads a new session
/// whose controlling terminal is the pty's other end, so Ctrl-C typed in the page reaches what it
/// runs, and closing the page hangs the whole session up.
final class PseudoTerminal: @unchecked Sendable {
    /// The master side: what the shell prints is read here, what the learner types written here.
    let master: Int32
    let pid: pid_t
    private let lock = NSLock()
    private var ended = false

    struct Failure: Error, CustomStringConvertible {
        var operation: String
        var code: Int32
        var description: String { "\(operation): \(String(cString: strerror(code))) (errno \(code))" }
    }

    /// <asm-generic/ioctls.h>'s TIOCSPTLCK, _IOW('T', 0x31, int), and TIOCGPTN, _IOR('T', 0x30,
    /// unsigned int), which Swift's Glibc module does not export.
    private static let unlockRequest: UInt = 0x4004_5431
    private static let numberRequest: UInt = 0x8004_5430

    init(argv: [String], environment: [String: String], directory: String, columns: Int, rows: Int) throws {
        // posix_openpt, unlockpt and ptsname_r are what these ioctls are; Swift's Glibc module
        // leaves the functions out (they need _XOPEN_SOURCE).
        let fd = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(operation: "open /dev/ptmx", code: errno) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(fd, Self.unlockRequest, &unlock) == 0, ioctl(fd, Self.numberRequest, &number) == 0 else {
            let code = errno
            close(fd)
            throw Failure(operation: "unlocking the pseudo-terminal", code: code)
        }
        let slave = "/dev/pts/\(number)"
        master = fd
        Self.resize(fd, columns: columns, rows: rows)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid (glibc does POSIX_SPAWN_SETSID first), without O_NOCTTY: the pty
        // becomes the new session's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        _ = GNUFunctions.addChdir(&actions, directory)

        var child: pid_t = 0
        let rc = ProcessSpawn.spawn(&child, path: argv[0], argv: argv, environment: environment, actions: &actions, leading: .session)
        guard rc == 0 else {
            close(fd)
            throw Failure(operation: "posix_spawn \(argv[0])", code: rc)
        }
        pid = child
    }

    /// Tells the shell its window's size (TIOCSWINSZ; the kernel sends it SIGWINCH).
    static func resize(_ fd: Int32, columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(clamping: max(1, min(rows, 1000))), ws_col: UInt16(clamping: max(1, min(columns, 1000))),
                           ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(fd, UInt(TIOCSWINSZ), &size)
    }

    func resize(columns: Int, rows: Int) { Self.resize(master, columns: columns, rows: rows) }

    /// Bytes the shell printed; empty at its end (EIO once no process holds the other side).
    func read() -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            let n = Glibc.read(master, &buffer, buffer.count)
            if n > 0 { return Array(buffer[0..<n]) }
            if n < 0, errno == EINTR { continue }
            return []
        }
    }

    /// What the learner typed.
    func write(_ bytes: [UInt8]) {
        var rest = bytes[...]
        while !rest.isEmpty {
            let n = rest.withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            rest = rest.dropFirst(n)
        }
    }

    /// Ends the session: SIGHUP to its process group (a terminal closing), SIGKILL to what is left
    /// a moment later, and reaps the shell. Safe to call more than once.
    func end() {
        let first: Bool = lock.withLock {
            defer { ended = true }
            return !ended
        }
        guard first else { return }
        _ = kill(-pid, SIGHUP)
        _ = kill(-pid, SIGCONT)
        var status: Int32 = 0
        for _ in 0..<20 {
            if waitpid(pid, &status, WNOHANG) == pid { break }
            usleep(25_000)
        }
        _ = kill(-pid, SIGKILL)
        // With job control, bash puts each job in a process group of its own: everything left
        // in the session goes too.
        for member in Self.sessionMembers(pid) { _ = kill(member, SIGKILL) }
        _ = waitpid(pid, &status, WNOHANG) == pid ? pid : waitpid(pid, &status, 0)
        close(master)
    }

    /// Live (not zombie) processes whose session is `session`, from /proc/PID/stat.
    static func sessionMembers(_ session: pid_t) -> [pid_t] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return names.compactMap { pid_t($0) }.filter { pid in
            guard let handle = FileHandle(forReadingAtPath: "/proc/\(pid)/stat"),
                  let data = try? handle.read(upToCount: 4096) else { return false }
            try? handle.close()
            let stat = String(decoding: data, as: UTF8.self)
            // "PID (COMM) STATE PPID PGRP SESSION …": COMM may hold spaces and parentheses.
            guard let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 3 && fields[0] != "Z" && pid_t(fields[3]) == session
        }
    }
}
