/// Cleans output the way the transcript matcher sees it, on both sides: ANSI escapes removed,
/// carriage-return overwrites resolved, trailing spaces and trailing empty lines removed.
public enum OutputCleaner {
    /// The cleaned lines of `text`.
    public static func lines(_ text: String) -> [String] {
        var result = stripANSI(text)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { cleanLine(String($0)) }
        while let last = result.last, last.isEmpty { result.removeLast() }
        return result
    }

    /// One line: what a terminal shows after `\r` overwrites, without trailing blanks.
    public static func cleanLine(_ line: String) -> String {
        var line = Substring(line)
        while let last = line.last, last == "\r" { line.removeLast() }
        if let cr = line.lastIndex(of: "\r") { line = line[line.index(after: cr)...] }
        while let last = line.last, last == " " || last == "\t" { line.removeLast() }
        return String(line)
    }

    /// Removes CSI (`ESC [ … final`), OSC (`ESC ] … BEL|ESC \`) and two-byte escapes.
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
            } else {
                i += 1
            }
        }
        return String(out)
    }
}
