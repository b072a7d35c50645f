/// What the learner (or the terminal) did, as the walk's state machine sees it.
public enum WalkKey: Equatable, Sendable {
    case enter
    /// A printable key (`r`, `s`, `q`, `!`, `?`, `y`, `n`, `k`, …), lowercased.
    case character(Character)
    /// Ctrl-C at a prompt (while a step runs, Ctrl-C interrupts the step instead).
    case interrupt
    /// The window changed size.
    case resize
    /// SIGTERM or SIGHUP: save and leave now.
    case terminate
    /// Standard input closed.
    case endOfInput

    /// The key for the bytes of one read from a terminal in non-canonical mode, if any.
    public static func decode(_ bytes: [UInt8]) -> WalkKey? {
        guard let first = bytes.first else { return .endOfInput }
        switch first {
        case 0x0d, 0x0a: return .enter
        case 0x03: return .interrupt
        case 0x04: return .endOfInput
        case 0x1b: return bytes.count == 1 ? .character("\u{1b}") : nil  // Esc alone; arrow keys are ignored
        case 0x20...0x7e: return .character(Character(Unicode.Scalar(first)).lowercased().first ?? " ")
        default: return nil
        }
    }
}
