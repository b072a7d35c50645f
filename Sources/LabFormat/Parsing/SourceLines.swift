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

/// A whole source's UTF-8 bytes, kept once, with where each line starts and ends (its ending
/// left out), split as `SourceLines` splits: a 10 MB lab costs its bytes and two integers per
/// line, not an array per line.
struct LineTable {
    /// Every byte of the source, line endings included (what cmark parses).
    let bytes: [UInt8]
    private let starts: [Int]
    private let ends: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0], ends: [Int] = []
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                ends.append(i)
                if byte == UInt8(ascii: "\r"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        ends.append(bytes.count)
        self.starts = starts
        self.ends = ends
    }

    var count: Int { starts.count }

    /// Line `index` (0-based) as its own array, indices from 0.
    subscript(index: Int) -> [UInt8] { Array(bytes[starts[index]..<ends[index]]) }
}
