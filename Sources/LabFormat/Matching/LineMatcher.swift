import Foundation

/// Matches one expected line against one actual line.
public enum LineMatcher {
    /// The captures (named groups of a `(re)` line) when `line` matches, nil otherwise.
    public static func match(_ pattern: ExpectedLine.Pattern, _ line: String) -> [String: String]? {
        switch pattern {
        case .literal(let text):
            guard text.contains("[..]") else { return text == line ? [:] : nil }
            let pieces = text.components(separatedBy: "[..]")
            var tokens: [WildcardMatcher.Token] = []
            for (i, piece) in pieces.enumerated() {
                if i > 0 { tokens.append(.anyText) }
                tokens += piece.map { .character($0) }
            }
            return WildcardMatcher.matches(tokens, line) ? [:] : nil
        case .glob(let text):
            return WildcardMatcher.matches(WildcardMatcher.globTokens(text), line) ? [:] : nil
        case .regex(let source):
            return regexMatch(source, line)
        case .ellipsis:
            return [:]
        }
    }

    /// Whole-line match of a Swift `Regex`; its named groups that took part become captures.
    static func regexMatch(_ source: String, _ line: String) -> [String: String]? {
        guard let regex = try? Regex(source), let match = try? regex.wholeMatch(in: line) else { return nil }
        var captures: [String: String] = [:]
        for element in match.output {
            if let name = element.name, let value = element.substring {
                captures[name] = String(value)
            }
        }
        return captures
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
