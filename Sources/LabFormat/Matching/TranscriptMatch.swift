/// The outcome of matching one command's output against its expectation.
public struct TranscriptMatch: Sendable, Equatable {
    public var matched: Bool
    /// Named groups of `(re)` lines on the matching path (empty on a mismatch).
    public var captures: [String: String]

    public init(matched: Bool, captures: [String: String]) {
        self.matched = matched; self.captures = captures
    }
}
