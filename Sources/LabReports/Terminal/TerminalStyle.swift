import Foundation
import LabResults

/// Colour and symbols for the terminal: colour only on a TTY and never with NO_COLOR set.
public struct TerminalStyle: Sendable {
    public var color: Bool
    /// A live progress line is drawn (and redrawn) only on a terminal.
    public var interactive: Bool

    public init(color: Bool, interactive: Bool) {
        self.color = color; self.interactive = interactive
    }

    /// Decides from the file descriptor and the environment (https://no-color.org).
    public static func detect(fd: Int32 = 1, environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        let tty = isatty(fd) == 1
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = environment["TERM"] == "dumb"
        return TerminalStyle(color: tty && !noColor && !dumb, interactive: tty && !dumb)
    }

    /// `text` in SGR colour `code` when colour is on.
    public func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
    public func green(_ s: String) -> String { paint(s, "32") }
    public func red(_ s: String) -> String { paint(s, "31") }
    public func yellow(_ s: String) -> String { paint(s, "33") }
    public func dim(_ s: String) -> String { paint(s, "2") }
    public func bold(_ s: String) -> String { paint(s, "1") }

    /// ✓ ✗ ⏱ ! - …, coloured.
    public func symbol(_ status: Status) -> String {
        switch status {
        case .passed: return green("✓")
        case .failed: return red("✗")
        case .timedOut: return red("⏱")
        case .error: return red("!")
        case .skipped: return dim("-")
        case .running: return yellow("…")
        }
    }
}
