import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The few lines a slow image build prints on stderr (like `docker pull`'s progress) while its
/// programs' own output goes to a log. On a terminal a counter updates in place; elsewhere
/// (CI logs, pipes) only whole lines are written, one per stage.
struct BuildProgress {
    var prefix: String
    let isTerminal = isatty(STDERR_FILENO) == 1

    init(_ prefix: String) { self.prefix = prefix }

    func line(_ text: String) {
        write("\(prefix): \(text)\n")
    }

    /// `text` with a count that the next call replaces (a terminal only; a no-op elsewhere).
    func update(_ text: String) {
        guard isTerminal else { return }
        write("\r\u{1b}[K\(prefix): \(text)")
    }

    /// Ends a line that `update` left open.
    func endUpdate() {
        guard isTerminal else { return }
        write("\r\u{1b}[K")
    }

    private func write(_ text: String) {
        try? FileIO.writeAll(STDERR_FILENO, Data(text.utf8), path: "stderr")
    }
}
