/// Splits a Pandoc/runme-style attribute list (`#id check points=2 hint="two words"`) into tokens.
enum AttributeTokenizer {
    struct Failure: Error, Equatable {
        var message: String
        var column: Int
    }

    /// - Parameters:
    ///   - text: the list without its braces.
    ///   - column: the 1-based column of `text`'s first character in its line.
    static func tokenize(_ text: String, column: Int) -> ([AttributeToken], [Failure]) {
        var tokens: [AttributeToken] = []
        var failures: [Failure] = []
        let chars = Array(text)
        var i = 0
        func col(_ index: Int) -> Int {
            // Columns count bytes, as cmark's do.
            column + String(chars[0..<index]).utf8.count
        }
        while i < chars.count {
            if chars[i] == " " || chars[i] == "\t" { i += 1; continue }
            let start = i
            var key = ""
            while i < chars.count, chars[i] != " ", chars[i] != "\t", chars[i] != "=" {
                key.append(chars[i]); i += 1
            }
            guard i < chars.count, chars[i] == "=" else {
                tokens.append(AttributeToken(key: key, value: nil, column: col(start)))
                continue
            }
            i += 1 // "="
            var value = ""
            if i < chars.count, chars[i] == "\"" {
                i += 1
                var closed = false
                while i < chars.count {
                    if chars[i] == "\\", i + 1 < chars.count, chars[i + 1] == "\"" || chars[i + 1] == "\\" {
                        value.append(chars[i + 1]); i += 2; continue
                    }
                    if chars[i] == "\"" { closed = true; i += 1; break }
                    value.append(chars[i]); i += 1
                }
                if !closed {
                    failures.append(Failure(message: "unterminated quoted value of '\(key)'", column: col(start)))
                }
            } else {
                while i < chars.count, chars[i] != " ", chars[i] != "\t" { value.append(chars[i]); i += 1 }
            }
            if key.isEmpty {
                failures.append(Failure(message: "'=' without an attribute name", column: col(start)))
                continue
            }
            tokens.append(AttributeToken(key: key, value: value, column: col(start)))
        }
        return (tokens, failures)
    }
}
