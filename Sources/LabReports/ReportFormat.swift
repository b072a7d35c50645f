import Foundation
import LabResults

/// How the reports spell durations and dates, so JSON, JUnit, HTML and the gradebook agree
/// on "0.31 s" (points: `Points.text` in LabResults).
public enum ReportFormat {
    /// Seconds for JUnit's `time` attribute: plain decimal, millisecond precision.
    static func seconds(_ value: Double) -> String {
        guard value.isFinite, value >= 0 else { return "0" }
        return String(format: "%.3f", value)
    }

    /// A duration for people: "45 ms", "1.20 s", "2 m 05 s". Never traps: results files are
    /// validated on reading, but a value out of every sane range still prints (as "?").
    public static func duration(_ value: Double) -> String {
        guard value.isFinite, value >= 0, value < 1e12 else { return "?" }
        if value < 1 { return "\(Int((value * 1000).rounded())) ms" }
        if value < 60 { return String(format: "%.2f s", value) }
        let whole = Int(value.rounded())
        return String(format: "%d m %02d s", whole / 60, whole % 60)
    }

    /// `part` as a whole percentage of `whole` ("50%"), or "–" when there is nothing to divide
    /// by or the ratio is not a number a person can read (a hand-edited file's 1 / 1e-300).
    static func percent(_ part: Double, of whole: Double) -> String {
        let ratio = part / whole * 100
        guard whole > 0, ratio.isFinite, abs(ratio) < 1e12 else { return "–" }
        return "\(Int(ratio.rounded()))%"
    }

    /// ISO-8601 with milliseconds in UTC, the one date format of every report.
    static func date(_ date: Date) -> String { isoFormatter().string(from: date) }

    /// Reads what `date` writes, and also ISO-8601 without fractional seconds.
    static func parseDate(_ text: String) -> Date? {
        if let date = isoFormatter().date(from: text) { return date }
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        return plain.date(from: text)
    }

    // A new formatter per call: ISO8601DateFormatter is not Sendable, and reports are not hot paths.
    private static func isoFormatter() -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter
    }
}
