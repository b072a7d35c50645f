
/// Text from a lab, a results file or a command's output made safe for a terminal: control
/// characters are shown the way `cat -v` shows them (`^[` for ESC, `^M` for CR, `^?` for DEL,
/// `M-^[` for the C1 control U+009B) instead of being sent, so a learner name, a block id or a
/// command's output cannot move the cursor, retitle the window (OSC) or switch character sets.
public enum TerminalText {
    /// Line breaks and tabs are kept (multi-line messages and output stay readable).
    public static func visible(_ text: String) -> String {
        render(text, keep: { $0 == "\n" || $0 == "\t" })
    }

    /// One cell of a table or one word in a line: line breaks and tabs are shown too (`^J`,
    /// `^I`), so they cannot break the layout.
    public static func cell(_ text: String) -> String {
        render(text, keep: { _ in false })
    }

    private static func render(_ text: String, keep: (Unicode.Scalar) -> Bool) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !keep($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            guard isControl(scalar), !keep(scalar) else { out.append(scalar); continue }
            if v >= 0x80 { out.append(contentsOf: "M-".unicodeScalars) }
            let low = v & 0x7F
            out.append("^")
            out.append(low == 0x7F ? "?" : Unicode.Scalar(UInt8(low + 0x40)))
        }
        return String(out)
    }

    /// C0 controls, DEL and the C1 controls (which some terminals obey as 8-bit CSI, OSC…).
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
