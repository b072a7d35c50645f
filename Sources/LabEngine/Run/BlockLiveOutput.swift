import LabResults

/// What a block does while it runs, as it happens: `lab walk` shows each command as it starts,
/// its output as it is printed and a measuring block's CPU samples as they are taken. Called on
/// the engine's thread.
public protocol BlockLiveOutput: AnyObject {
    /// A command (its shell text, continuation lines included) starts; `background` when it is
    /// left running (a background or measuring block's last command) and its output goes to a file.
    func commandStarted(_ command: String, background: Bool)
    /// Bytes the running command printed (stdout and stderr together), as read.
    func output(_ bytes: [UInt8])
    /// One CPU sample of a `measure` block, its window, and the expected range if any.
    func cpuSample(_ sample: CPUSample, window: Double, expected: ClosedRange<Double>?)
}
