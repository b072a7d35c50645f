import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The terminal's settings when the walk started, for the crash handler.
private nonisolated(unsafe) var originalSettings = termios()
private nonisolated(unsafe) var originalFD: Int32 = -1

/// Async-signal-safe: puts the terminal back and dies of the same signal.
private func restoreAndDie(_ signal: Int32) {
    if originalFD >= 0 { _ = tcsetattr(originalFD, TCSANOW, &originalSettings) }
    Glibc.signal(signal, SIG_DFL)
    raise(signal)
}

/// The walk's terminal modes. Keys: no line editing, no echo, Ctrl-C a key; a running step:
/// no echo, Ctrl-C a signal (it stops the step); normal: as the walk found it (for the learner's
/// shell and on every way out, a crash of isolab included). Output processing is never changed,
/// so even a terminal left behind by SIGKILL still prints lines properly.
public final class TerminalMode {
    public let fd: Int32
    private var saved = termios()
    private var active = false

    /// nil when `fd` is not a terminal.
    public init?(fd: Int32 = 0) {
        self.fd = fd
        guard isatty(fd) == 1, tcgetattr(fd, &saved) == 0 else { return nil }
        originalSettings = saved
        originalFD = fd
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] { signal(sig, restoreAndDie) }
        active = true
    }

    deinit { restore() }

    /// Single keys, no echo, Ctrl-C read as a key.
    public func keys() { apply(isig: false) }

    /// No echo, Ctrl-C raises SIGINT (the walk stops the running step).
    public func step() { apply(isig: true) }

    /// After a step: what was typed while it ran is not taken for keys.
    public func discardTypeahead() { _ = tcflush(fd, TCIFLUSH) }

    /// The settings the walk found.
    public func restore() {
        guard active else { return }
        var settings = saved
        _ = tcsetattr(fd, TCSANOW, &settings)
    }

    /// Gives up the terminal for good (the walk ends).
    public func close() {
        restore()
        active = false
        originalFD = -1
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] { signal(sig, SIG_DFL) }
    }

    private func apply(isig: Bool) {
        guard active else { return }
        var settings = saved
        settings.c_lflag &= ~tcflag_t(ICANON | ECHO)
        if isig { settings.c_lflag |= tcflag_t(ISIG) } else { settings.c_lflag &= ~tcflag_t(ISIG) }
        withUnsafeMutableBytes(of: &settings.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        _ = tcsetattr(fd, TCSANOW, &settings)
    }
}
