import Foundation

/// RFC 3339 times as Docker writes them in image configs (`2024-05-01T10:00:00.123456789Z`).
public enum ImageDates {
    public static func format(_ date: Date) -> String {
        let seconds = floor(date.timeIntervalSince1970)
        let nanos = Int((date.timeIntervalSince1970 - seconds) * 1_000_000_000)
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        var base = f.string(from: Date(timeIntervalSince1970: seconds))
        if base.hasSuffix("Z") { base.removeLast() }
        return nanos == 0 ? base + "Z" : base + String(format: ".%09d", nanos) + "Z"
    }

    /// Parses RFC 3339 with any number of fractional digits; nil when it is not one.
    public static func parse(_ text: String) -> Date? {
        var main = text
        var fraction = 0.0
        if let dot = text.firstIndex(of: ".") {
            let after = text[text.index(after: dot)...]
            let digits = after.prefix { $0.isNumber }
            fraction = Double("0." + digits) ?? 0
            main = String(text[..<dot]) + String(after.dropFirst(digits.count))
        }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        guard let date = f.date(from: main) else { return nil }
        return date.addingTimeInterval(fraction)
    }
}
