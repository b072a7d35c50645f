import Foundation

/// Docker's go-units HumanDuration: "Less than a second", "5 seconds", "About a minute", ...
public enum HumanDuration {
    public static func string(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.down))
        if s < 1 { return "Less than a second" }
        if s == 1 { return "1 second" }
        if s < 60 { return "\(s) seconds" }
        let m = Int((seconds / 60).rounded(.down))
        if m == 1 { return "About a minute" }
        if m < 60 { return "\(m) minutes" }
        let h = Int((seconds / 3600).rounded())
        if h == 1 { return "About an hour" }
        if h < 48 { return "\(h) hours" }
        if h < 24 * 7 * 2 { return "\(h / 24) days" }
        if h < 24 * 30 * 2 { return "\(h / 24 / 7) weeks" }
        if h < 24 * 365 * 2 { return "\(h / 24 / 30) months" }
        return "\(h / 24 / 365) years"
    }

    public static func ago(_ date: Date, now: Date = Date()) -> String {
        string(now.timeIntervalSince(date)) + " ago"
    }
}
