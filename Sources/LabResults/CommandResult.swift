import Foundation

public struct CommandResult: Codable, Sendable, Equatable {
    public var command: String           // the shell text as run (continuation lines joined by newlines)
    public var line: Int                 // its line in the lab file
    public var expected: String?         // expected output lines (transcripts), nil for scripts
    public var expectedStatus: Int?
    public var actual: String            // stdout+stderr, cleaned as the matcher saw it
    public var exitStatus: Int32?        // nil when killed by the timeout
    public var duration: Double
    public var matched: Bool
    public var diff: String?             // unified-style diff of expected vs actual on a mismatch
    public var timedOut: Bool

    public init(command: String, line: Int, expected: String?, expectedStatus: Int?, actual: String,
                exitStatus: Int32?, duration: Double, matched: Bool, diff: String?, timedOut: Bool) {
        self.command = command; self.line = line; self.expected = expected; self.expectedStatus = expectedStatus
        self.actual = actual; self.exitStatus = exitStatus; self.duration = duration; self.matched = matched
        self.diff = diff; self.timedOut = timedOut
    }
}
