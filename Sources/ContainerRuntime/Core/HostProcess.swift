import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Facts about host processes read from /proc.
public enum HostProcess {
    /// The state letter and field 22 (start time in clock ticks) of /proc/PID/stat, in one read.
    static func stat(_ pid: Int32) -> (state: Character, startTime: UInt64)? {
        guard pid > 0, let text = procText("/proc/\(pid)/stat"), let close = text.lastIndex(of: ")") else { return nil }
        // After "comm)": the state is field 3, so the start time (field 22) is index 19 here.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let state = fields[0].first, let start = UInt64(fields[19]) else { return nil }
        return (state, start)
    }

    /// Field 22 of /proc/PID/stat (start time in clock ticks), or nil if the process is gone.
    public static func startTime(_ pid: Int32) -> UInt64? { stat(pid)?.startTime }

    /// True if `pid` is alive (not a zombie) and is the same process that started at `startTime`.
    public static func isAlive(_ pid: Int32, startTime: UInt64) -> Bool {
        guard let s = stat(pid), s.startTime == startTime else { return false }
        return s.state != "Z" && s.state != "X"
    }

    /// Whether `pid` has a handler for `signal` (SigCgt in /proc/PID/status). The init of a PID
    /// namespace ignores signals it does not handle, so stop can go straight to SIGKILL.
    public static func catches(_ pid: Int32, signal: Int32) -> Bool {
        // SigCgt is a 64-bit mask of signals 1...64; anything else has no bit to test.
        guard pid > 0, (1...64).contains(signal), let text = procText("/proc/\(pid)/status") else { return false }
        for line in text.split(separator: "\n") where line.hasPrefix("SigCgt:") {
            let hex = line.dropFirst("SigCgt:".count).trimmingSpaces()
            guard let mask = UInt64(hex, radix: 16) else { return false }
            return mask & (UInt64(1) << UInt64(signal - 1)) != 0
        }
        return false
    }

    /// A /proc file as text: a few KiB at most (status is the largest), read with a limit.
    static func procText(_ path: String) -> String? {
        (try? FileIO.read(path, limit: 1 << 16)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Waits until `pid` (not our child) has gone, polling; returns false on timeout.
    @discardableResult
    public static func waitGone(_ pid: Int32, startTime: UInt64, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while isAlive(pid, startTime: startTime) {
            if Date() > deadline { return false }
            usleep(2_000)
        }
        return true
    }
}
