import Foundation

/// Matches one expected line against one actual line.
public enum LineMatcher {
    /// The captures (named groups of a `(re)` line) when `line` matches, nil otherwise.
    public static func match(_ pattern: ExpectedLine.Pattern, _ line: String) -> [String: String]? {
        CompiledLine(pattern).match(line)
    }

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
}
