/// A lab's lines as cmark numbers them: `\n`, `\r\n` and a lone `\r` each end a line
/// (CommonMark's line ending), so a line number or column from cmark indexes these lines.
public enum SourceLines {
    /// Each line's bytes, without its line ending. Columns count bytes, as cmark's do.
    public static func bytes(_ text: String) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var afterCR = false
        for byte in text.utf8 {
            if afterCR {
                afterCR = false
                if byte == UInt8(ascii: "\n") { continue }  // the \n of \r\n
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                lines.append(current)
                current = []
                afterCR = byte == UInt8(ascii: "\r")
            } else {
                current.append(byte)
            }
        }
        lines.append(current)
        return lines
    }

    /// The same lines as text.
    public static func split(_ text: String) -> [String] {
        bytes(text).map { String(decoding: $0, as: UTF8.self) }
    }
}
