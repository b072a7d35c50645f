
/// Escaping for everything the reports copy from a lab or a command into markup.
/// Command output is arbitrary bytes decoded as text: it may hold `<script>`, quotes, or
/// control characters that XML 1.0 forbids even as character references.
public enum ReportEscape {
    /// Text content and attribute values of HTML and XML: `& < > " '` become references, and
    /// characters XML cannot carry become visible Control Pictures (ESC shows as ␛) rather than
    /// vanishing or making the file unreadable to a JUnit consumer.
    public static func markup(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\r": out += "&#13;"
            default:
                out.unicodeScalars.append(visible(scalar))
            }
        }
        return out
    }

    /// An attribute value: like `markup`, and newlines and tabs as references, because an XML
    /// parser normalizes literal ones in attributes to spaces.
    public static func attribute(_ text: String) -> String {
        markup(text).replacingOccurrences(of: "\n", with: "&#10;").replacingOccurrences(of: "\t", with: "&#9;")
    }

    /// Characters outside XML 1.0's `Char` production (C0 controls other than tab, LF, CR;
    /// U+FFFE, U+FFFF) and the C1 controls/DEL, which browsers show as nothing.
    static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        if v < 0x20 { return Unicode.Scalar(0x2400 + v) ?? "\u{FFFD}" }   // ␀ … ␟
        if v == 0x7F { return "\u{2421}" }                                 // ␡
        if (0x80...0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF { return "\u{FFFD}" }
        return scalar
    }

    /// One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A text cell
    /// that a spreadsheet would run as a formula gets a leading `'`: one starting with `=`, `+`,
    /// `-`, `@`, or a tab or carriage return (which spreadsheets skip before a formula; OWASP's
    /// list). NUL and the other controls but tab and line breaks become visible (NUL ends a
    /// string in some readers and would cut the row short).
    static func csv(_ field: String, isText: Bool = true) -> String {
        var value = field
        if value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" }) {
            var scalars = String.UnicodeScalarView()
            for scalar in value.unicodeScalars {
                scalars.append(scalar == "\t" || scalar == "\n" || scalar == "\r" ? scalar : visible(scalar))
            }
            value = String(scalars)
        }
        if isText, let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
