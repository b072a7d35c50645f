import Foundation

/// Durations as lab attributes write them: `500ms`, `30s`, `1.5s`, `2m`, `1h`.
public enum LabDuration {
    /// Seconds, or nil when `text` is not a positive number followed by `ms`, `s`, `m` or `h`.
    /// Digits beyond Double's range give +infinity: the caller's range check reports it as too
    /// long rather than malformed.
    public static func seconds(_ text: String) -> Double? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            let number = String(text.dropLast(suffix.count))
            guard isPlainNumber(number), let value = Double(number), value > 0 else { return nil }
            return value * factor
        }
        return nil
    }

    /// Whole seconds as the largest unit that divides them: 86400 → "24h", 90 → "90s".
    static func text(_ seconds: Double) -> String {
        if seconds >= 3600, seconds.truncatingRemainder(dividingBy: 3600) == 0 { return "\(Int(seconds / 3600))h" }
        if seconds >= 60, seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(seconds / 60))m" }
        return "\(seconds)s"
    }

    /// `A..B` with 0 ≤ A ≤ B, or nil.
    public static func range(_ text: String) -> ClosedRange<Double>? {
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2, isPlainNumber(parts[0]), isPlainNumber(parts[1]),
              let low = Double(parts[0]), let high = Double(parts[1]), low >= 0, low <= high else { return nil }
        return low...high
    }

    /// Digits with at most one decimal point: Double("inf"), "1e3" and "0x10" are not durations.
    static func isPlainNumber(_ text: String) -> Bool {
        guard !text.isEmpty, text != "." else { return false }
        var dots = 0
        for c in text {
            if c == "." { dots += 1; continue }
            guard c.isASCII, c.isNumber else { return false }
        }
        return dots <= 1
    }
}
