/// Foundation's `trimmingCharacters(in:)` for the sets isolab uses, without Foundation (see CFormat).
extension StringProtocol {
    /// Without leading and trailing whitespace and newlines (`.whitespacesAndNewlines`).
    public func trimmingWhitespace() -> String { trimming { $0.isWhitespace } }

    /// Without leading and trailing spaces and tabs (`.whitespaces`); newlines stay.
    public func trimmingSpaces() -> String { trimming { $0.isWhitespace && !$0.isNewline } }

    /// Without leading and trailing characters of `set`.
    public func trimming(_ set: Set<Character>) -> String { trimming { set.contains($0) } }

    private func trimming(_ drop: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }
}
