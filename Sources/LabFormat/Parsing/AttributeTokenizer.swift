/// Splits a Pandoc/runme-style attribute list (`#id check points=2 hint="two words"`) into tokens.
enum AttributeTokenizer {
    struct Failure: Error, Equatable {
        var message: String
        var column: Int
    }

    /// Works on UTF-8 bytes: every delimiter is ASCII, so it never splits a character, and a
    /// token's column is its byte offset (cmark's columns count bytes) with no recounting, so a
    /// list of any length is read in one pass.
    ///
    /// - Parameters:
    ///   - text: the list without its braces.
    ///   - column: the 1-based column of `text`'s first character in its line.
    static func tokenize(_ text: String, column: Int) -> ([AttributeToken], [Failure]) {
        var tokens: [AttributeToken] = []
        var failures: [Failure] = []
        let bytes = Array(text.utf8)
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), equals = UInt8(ascii: "=")
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        var i = 0
        while i < bytes.count {
            if bytes[i] == space || bytes[i] == tab { i += 1; continue }
            let start = i
            while i < bytes.count, bytes[i] != space, bytes[i] != tab, bytes[i] != equals { i += 1 }
            let key = string(start..<i)
            guard i < bytes.count, bytes[i] == equals else {
                tokens.append(AttributeToken(key: key, value: nil, column: column + start))
                continue
            }
            i += 1 // "="
            let quoted = i < bytes.count && bytes[i] == quote
            let valueColumn = column + i + (quoted ? 1 : 0)
            var value: [UInt8] = []
            var escapedOffsets: [Int] = []
            if quoted {
                i += 1
                var closed = false
                while i < bytes.count {
                    if bytes[i] == backslash, i + 1 < bytes.count, bytes[i + 1] == quote || bytes[i + 1] == backslash {
                        escapedOffsets.append(value.count)
                        value.append(bytes[i + 1]); i += 2; continue
                    }
                    if bytes[i] == quote { closed = true; i += 1; break }
                    value.append(bytes[i]); i += 1
                }
                if !closed {
                    failures.append(Failure(message: "unterminated quoted value of '\(key)'", column: column + start))
                }
            } else {
                let valueStart = i
                while i < bytes.count, bytes[i] != space, bytes[i] != tab { i += 1 }
                value = Array(bytes[valueStart..<i])
            }
            if key.isEmpty {
                failures.append(Failure(message: "'=' without an attribute name", column: column + start))
                continue
            }
            tokens.append(AttributeToken(key: key, value: String(decoding: value, as: UTF8.self), column: column + start,
                                        valueColumn: valueColumn, escapedOffsets: escapedOffsets))
        }
        return (tokens, failures)
    }
}
