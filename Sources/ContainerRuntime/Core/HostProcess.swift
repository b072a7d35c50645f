import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Facts about host processes read from /proc.
public enum HostProcess {
    /// Field 22 of /proc/PID/stat (start time in clock ticks), or nil if the process is gone.
    public static func startTime(_ pid: Int32) -> UInt64? {
        guard pid > 0, let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After "comm)": state is field 3, so start time (22) is index 19 here.
        guard fields.count > 19 else { return nil }
        return UInt64(fields[19])
    }

    /// True if `pid` is alive and is the same process that started at `startTime`.
    public static func isAlive(_ pid: Int32, startTime: UInt64) -> Bool {
        guard let st = self.startTime(pid), st == startTime else { return false }
        // A zombie is not alive for our purposes.
        if let s = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
           let close = s.lastIndex(of: ")"),
           let state = s[s.index(after: close)...].split(separator: " ").first?.first {
            if state == "Z" || state == "X" { return false }
        }
        return true
    }

    /// Whether `pid` has a handler for `signal` (SigCgt in /proc/PID/status). The init of a PID
    /// namespace ignores signals it does not handle, so stop can go straight to SIGKILL.
    public static func catches(_ pid: Int32, signal: Int32) -> Bool {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return false }
        for line in text.split(separator: "\n") where line.hasPrefix("SigCgt:") {
            let hex = line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces)
            guard let mask = UInt64(hex, radix: 16) else { return false }
            return mask & (UInt64(1) << UInt64(signal - 1)) != 0
        }
        return false
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
