/// A `$ ` command of a transcript with its `> ` continuations and its expectation.
public struct TranscriptCommand: Sendable, Equatable {
    /// The shell text: the `$ ` line and its continuations, joined by newlines.
    public var command: String
    /// Line of the `$ ` in the lab file.
    public var line: Int
    /// Expected output (ANSI escapes, trailing spaces and trailing empty lines already removed);
    /// the `[N]` status line is not part of it.
    public var expected: [ExpectedLine]
    /// The expected exit status (`[N]` as the last line, else 0).
    public var expectedStatus: Int32

    public init(command: String, line: Int, expected: [ExpectedLine], expectedStatus: Int32) {
        self.command = command; self.line = line; self.expected = expected; self.expectedStatus = expectedStatus
    }
}
