/// Cleans output the way the transcript matcher sees it, on both sides: ANSI escapes removed,
/// carriage-return overwrites resolved, trailing spaces and trailing empty lines removed.
public enum OutputCleaner {
    /// The cleaned lines of `text`.
    public static func lines(_ text: String) -> [String] {
        var result = splitLines(stripANSI(text)).map(cleanLine)
        while let last = result.last, last.isEmpty { result.removeLast() }
        return result
    }

    /// Splits at "\n" by scalars: Swift counts "\r\n" as one Character, which `split` would miss.
    public static func splitLines(_ text: String) -> [String] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// One line: what a terminal shows after `\r` overwrites (`abc\rX` shows `Xbc`), without
    /// trailing blanks.
    public static func cleanLine(_ line: String) -> String {
        guard line.unicodeScalars.contains("\r") else { return trimTrailingBlanks(line.unicodeScalars[...]) }
        var screen: [Unicode.Scalar] = []
        var cursor = 0
        for scalar in line.unicodeScalars {
            if scalar == "\r" { cursor = 0; continue }
            if cursor < screen.count { screen[cursor] = scalar } else { screen.append(scalar) }
            cursor += 1
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: screen)
        return trimTrailingBlanks(view[...])
    }

    private static func trimTrailingBlanks(_ scalars: Substring.UnicodeScalarView) -> String {
        var scalars = scalars
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }

    /// Removes CSI (`ESC [ … final`), OSC (`ESC ] … BEL|ESC \`), nF escapes with intermediate
    /// bytes (`ESC ( B`, which `tput sgr0` prints) and two-byte escapes.
    public static func stripANSI(_ text: String) -> String {
        guard text.unicodeScalars.contains("\u{1B}") else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            guard c == "\u{1B}" else { out.append(c); i += 1; continue }
            i += 1
            guard i < scalars.count else { break }
            if scalars[i] == "[" {
                i += 1
                // Parameters and intermediates, then one final byte in @...~.
                while i < scalars.count, !(0x40...0x7E).contains(scalars[i].value) { i += 1 }
                i += 1
            } else if scalars[i] == "]" {
                i += 1
                while i < scalars.count {
                    if scalars[i] == "\u{07}" { i += 1; break }
                    if scalars[i] == "\u{1B}", i + 1 < scalars.count, scalars[i + 1] == "\\" { i += 2; break }
                    i += 1
                }
            } else if (0x20...0x2F).contains(scalars[i].value) {
                // Intermediates, then one final byte.
                while i < scalars.count, (0x20...0x2F).contains(scalars[i].value) { i += 1 }
                i += 1
            } else {
                i += 1
            }
        }
        return String(out)
    }
}
