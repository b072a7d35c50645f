/// One expected output line of a transcript command, as the author wrote it.
public struct ExpectedLine: Sendable, Equatable {
    /// How the line matches.
    public enum Pattern: Sendable, Equatable {
        /// Literal text; `[..]` inside matches any text on the line.
        case literal(String)
        /// A Swift `Regex` anchored to the whole line (the ` (re)` suffix removed).
        case regex(String)
        /// `*` any text (`/` included), `?` one character (the ` (glob)` suffix removed).
        case glob(String)
        /// `...`: zero or more whole lines.
        case ellipsis
    }

    public var pattern: Pattern
    /// The line as written in the lab (suffix included), for diffs.
    public var text: String
    public var line: Int

    public init(pattern: Pattern, text: String, line: Int) {
        self.pattern = pattern; self.text = text; self.line = line
    }
}
