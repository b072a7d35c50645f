import Foundation

/// Matches one expected line against one actual line.
public enum LineMatcher {
    /// A literal line's tokens: its characters, with `[..]` as any text.
    static func literalTokens(_ text: String) -> [WildcardMatcher.Token] {
        var tokens: [WildcardMatcher.Token] = []
        for (i, piece) in text.components(separatedBy: "[..]").enumerated() {
            if i > 0 { tokens.append(.anyText) }
            tokens += piece.map { .character($0) }
        }
        return tokens
    }

    /// Why `source` does not compile as a Swift `Regex`, or nil when it does.
    public static func regexProblem(_ source: String) -> String? {
        do {
            _ = try Regex(source)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// The names of `source`'s named groups: `(?<name>…)`, `(?P<name>…)`, `(?'name'…)`.
    /// Lookbehinds (`(?<=`, `(?<!`) and escaped parentheses are not groups.
    public static func captureNames(_ source: String) -> [String] {
        let chars = Array(source)
        var names: [String] = []
        var i = 0
        while i < chars.count {
            if chars[i] == "\\" { i += 2; continue }
            guard chars[i] == "(", i + 2 < chars.count, chars[i + 1] == "?" else { i += 1; continue }
            var j = i + 2
            if chars[j] == "P" { j += 1 }
            guard j < chars.count, chars[j] == "<" || chars[j] == "'" else { i += 1; continue }
            let close: Character = chars[j] == "<" ? ">" : "'"
            j += 1
            var name = ""
            while j < chars.count, chars[j] != close, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" {
                name.append(chars[j]); j += 1
            }
            if j < chars.count, chars[j] == close, !name.isEmpty { names.append(name) }
            i = j
        }
        return names
    }
}
