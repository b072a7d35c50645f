import Foundation

/// Every page's shell, so the server can end them all when it stops.
final class TerminalSessions: @unchecked Sendable {
    private let lock = NSLock()
    private var open: [UUID: PseudoTerminal] = [:]

    func add(_ terminal: PseudoTerminal) -> UUID {
        let id = UUID()
        lock.withLock { open[id] = terminal }
        return id
    }

    /// Ends the shell (its whole session) and forgets it.
    func end(_ id: UUID) {
        lock.withLock { open.removeValue(forKey: id) }?.end()
    }

    func endAll() {
        for terminal in lock.withLock({ () -> [PseudoTerminal] in defer { open = [:] }; return Array(open.values) }) {
            terminal.end()
        }
    }

    var count: Int { lock.withLock { open.count } }
}
