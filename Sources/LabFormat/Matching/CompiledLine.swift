/// An expected line prepared once for matching against many actual lines (the regex compiled,
/// the wildcards tokenised), so backtracking and diffs do not recompile per comparison.
struct CompiledLine {
    private enum Form {
        case exact(String)
        case wildcard([WildcardMatcher.Token])
        case regex(Regex<AnyRegexOutput>?)
        case ellipsis
    }
    private let form: Form

    init(_ pattern: ExpectedLine.Pattern) {
        switch pattern {
        case .literal(let text):
            form = text.contains("[..]") ? .wildcard(LineMatcher.literalTokens(text)) : .exact(text)
        case .glob(let text):
            form = .wildcard(WildcardMatcher.globTokens(text))
        case .regex(let source):
            form = .regex(try? Regex(source))
        case .ellipsis:
            form = .ellipsis
        }
    }

    var isEllipsis: Bool { if case .ellipsis = form { return true } else { return false } }

    /// Captures when `line` matches, nil otherwise.
    func match(_ line: String) -> [String: String]? {
        switch form {
        case .exact(let text): return text == line ? [:] : nil
        case .wildcard(let tokens): return WildcardMatcher.matches(tokens, line) ? [:] : nil
        case .regex(let regex):
            guard let regex, let match = try? regex.wholeMatch(in: line) else { return nil }
            var captures: [String: String] = [:]
            for element in match.output {
                if let name = element.name, let value = element.substring { captures[name] = String(value) }
            }
            return captures
        case .ellipsis: return [:]
        }
    }
}
