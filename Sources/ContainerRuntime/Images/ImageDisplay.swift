import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Docker's wording for image ages and sizes (go-units `HumanDuration`, `HumanSizeWithPrecision`),
/// kept beside the store so every front end prints them alike.
public enum ImageDisplay {
    /// "Less than a second", "1 second", "11 seconds", "About a minute", "2 minutes", "About an hour",
    /// "5 hours", "3 days", "2 weeks", "4 months", "2 years" (without " ago").
    public static func humanDuration(_ seconds: TimeInterval) -> String {
        // Dates come from files (state, exit records, image configs): clamp before Int(),
        // which traps on NaN, infinities and values beyond Int.
        guard !seconds.isNaN, seconds >= 1 else { return "Less than a second" }
        let seconds = min(seconds, 1e15)   // 31 million years; +infinity too
        let s = Int(seconds)
        if s == 1 { return "1 second" }
        if s < 60 { return "\(s) seconds" }
        let minutes = Int(seconds / 60)
        if minutes == 1 { return "About a minute" }
        if minutes < 60 { return "\(minutes) minutes" }
        let hours = Int((seconds / 3600).rounded())
        if hours == 1 { return "About an hour" }
        if hours < 48 { return "\(hours) hours" }
        if hours < 24 * 7 * 2 { return "\(hours / 24) days" }
        if hours < 24 * 30 * 2 { return "\(hours / 24 / 7) weeks" }
        if hours < 24 * 365 * 2 { return "\(hours / 24 / 30) months" }
        return "\(Int(seconds / 3600) / 24 / 365) years"
    }

    /// The CREATED column: `humanDuration` of the age plus " ago".
    public static func createdSince(_ created: Date, now: Date = Date()) -> String {
        humanDuration(now.timeIntervalSince(created)) + " ago"
    }

    /// Decimal units with three significant digits, as `docker images` prints: "139MB", "4.26MB", "880kB".
    public static func humanSize(_ bytes: Int64) -> String {
        let units = ["B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]
        var size = Double(bytes)
        var i = 0
        while size >= 1000 && i < units.count - 1 { size /= 1000; i += 1 }
        return CFormat.string("%.3g", size) + units[i]
    }

    /// The 12 hex characters Docker shows for an id.
    public static func shortID(_ id: String) -> String {
        String(ImageStore.hex(id).prefix(12))
    }
}
