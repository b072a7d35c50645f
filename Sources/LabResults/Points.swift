import Foundation

/// How points are spelled everywhere (results' messages, JSON, JUnit, HTML, the gradebook):
/// whole numbers without a decimal point, others with up to two decimals.
public enum Points {
    public static func text(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
