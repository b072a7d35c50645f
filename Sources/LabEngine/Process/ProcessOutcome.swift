/// How one `/bin/sh -c` ended.
public struct ProcessOutcome: Sendable, Equatable {
    /// stdout and stderr as read from their one pipe (possibly partial).
    public var output: String
    /// The exit status (128+N when killed by signal N); nil when the timeout or an interrupt killed it.
    public var exitStatus: Int32?
    /// The signal that ended the shell, if one did.
    public var signal: Int32?
    public var timedOut: Bool
    public var interrupted: Bool
    /// Seconds from start to the end of reading.
    public var duration: Double

    public init(output: String, exitStatus: Int32?, signal: Int32?, timedOut: Bool, interrupted: Bool, duration: Double) {
        self.output = output; self.exitStatus = exitStatus; self.signal = signal
        self.timedOut = timedOut; self.interrupted = interrupted; self.duration = duration
    }
}
