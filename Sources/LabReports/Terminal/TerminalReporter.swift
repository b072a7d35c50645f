import Foundation
import LabResults

/// Renders a lab run for people: a line per block (`[3/12] ✓ mnt 0.21s`), a live progress line
/// while a long block runs (terminals only), on failure the message, the diff naming the lab
/// line and the hint, and a summary. Thread-safe: the live line is redrawn from a timer.
public final class TerminalReporter: @unchecked Sendable {
    private let style: TerminalStyle
    private let quiet: Bool
    private let write: (String) -> Void
    private let lock = NSLock()
    private var timer: DispatchSourceTimer?
    private var liveLineShown = false
    /// Bumped when a block ends, so a timer tick already queued draws nothing.
    private var generation = 0

    /// - Parameters:
    ///   - quiet: only failures and the summary.
    ///   - write: where text goes (stdout by default).
    public init(style: TerminalStyle = .detect(), quiet: Bool = false, write: ((String) -> Void)? = nil) {
        self.style = style
        self.quiet = quiet
        self.write = write ?? { text in
            try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        }
    }

    deinit { timer?.cancel() }

    // MARK: - Events

    /// A lab begins.
    public func labStarted(path: String, title: String, blockCount: Int, namespace: String?) {
        guard !quiet else { return }
        emit(style.bold(Self.shown(title)) + style.dim("  \(Self.shown(path))" + (namespace.map { " · namespace \(Self.shown($0))" } ?? "")) + "\n")
    }

    /// A block begins: on a terminal, a progress line appears once it has run for half a second.
    public func blockStarted(id: String, index: Int, count: Int) {
        guard style.interactive, !quiet else { return }
        let start = Date()
        let mine = lock.withLock { generation += 1; return generation }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        timer.schedule(deadline: .now() + 0.5, repeating: 0.2)
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            let elapsed = Date().timeIntervalSince(start)
            self.lock.withLock {
                guard self.generation == mine else { return }
                self.liveLineShown = true
                self.write("\r\u{1B}[K" + self.style.dim("[\(index)/\(count)] … \(Self.shown(id)) \(Self.seconds(elapsed))"))
            }
        }
        lock.withLock { self.timer?.cancel(); self.timer = timer }
        timer.resume()
    }

    /// A block ended: its line, and on failure what went wrong.
    public func blockFinished(_ result: BlockResult, labPath: String, index: Int, count: Int) {
        stopLiveLine()
        let failed = result.status.isFailure
        if quiet && !failed { return }
        var text = "[\(index)/\(count)] \(style.symbol(result.status)) \(Self.shown(result.id))"
        if result.status != .skipped { text += " " + style.dim(Self.seconds(result.duration)) }
        if result.kind == .check, result.status != .skipped {
            text += " " + style.dim("\(Points.text(result.score))/\(Points.text(result.maxScore)) pt")
        }
        if result.attempts > 1 { text += style.dim(" (\(result.attempts) attempts)") }
        if let measure = result.measure {
            text += style.dim(String(format: " %.2f cores", measure.meanCores))
        }
        if result.status == .timedOut { text += " " + style.red("timed out") }
        if result.status == .skipped, let message = result.message, !quiet { text += " " + style.dim(Self.shown(message)) }
        text += "\n"
        if failed { text += failureDetails(result, labPath: labPath) }
        emit(text)
    }

    /// A lab ended.
    public func labFinished(_ result: LabResult) {
        stopLiveLine()
        var text = ""
        if let error = result.error { text += style.red("  \(Self.shown(result.path)): \(TerminalText.visible(error))") + "\n" }
        if !quiet { text += "\n" }
        if !text.isEmpty { emit(text) }
    }

    /// The run's last lines: labs, blocks, score and time.
    public func summary(_ results: RunResults) {
        let labs = results.labs
        let blocks = labs.flatMap(\.blocks)
        func count(_ items: [Status], _ status: Status) -> Int { items.filter { $0 == status }.count }
        let labStatuses = labs.map(\.status)
        let blockStatuses = blocks.map(\.status)
        var parts: [String] = []
        for (status, word) in [(Status.passed, "passed"), (.failed, "failed"), (.timedOut, "timed out"),
                               (.error, "error"), (.skipped, "skipped")] {
            let n = count(blockStatuses, status)
            if n > 0 { parts.append("\(n) \(word)") }
        }
        let passedLabs = count(labStatuses, .passed)
        let allPassed = passedLabs == labs.count
        let score = labs.reduce(0) { $0 + $1.score }, maxScore = labs.reduce(0) { $0 + $1.maxScore }
        var line = "\(labs.count) lab\(labs.count == 1 ? "" : "s"): \(passedLabs) passed"
        if labs.count > passedLabs { line += ", \(labs.count - passedLabs) not" }
        line += " · \(blocks.count) block\(blocks.count == 1 ? "" : "s"): " + (parts.isEmpty ? "none" : parts.joined(separator: ", "))
        if maxScore > 0 { line += " · score \(Points.text(score))/\(Points.text(maxScore))" }
        line += " · " + Self.seconds(results.finishedAt.timeIntervalSince(results.startedAt))
        emit((allPassed ? style.green(line) : style.red(line)) + "\n")
    }

    /// `grade`'s output: a line per check, then the total as `7/10`.
    public func grade(_ results: RunResults) {
        var text = ""
        for lab in results.labs {
            for block in lab.blocks where block.kind == .check {
                text += "\(style.symbol(block.status)) \(Self.shown(block.id)) \(Points.text(block.score))/\(Points.text(block.maxScore))"
                if block.status != .passed {
                    if let message = block.message {
                        text += " " + style.dim("— " + Self.shown(message.replacingOccurrences(of: "\n", with: "; ")))
                    }
                    if let hint = block.hint { text += "\n    " + style.yellow("hint: \(Self.shown(hint))") }
                }
                text += "\n"
            }
            if let error = lab.error { text += style.red("\(Self.shown(lab.path)): \(TerminalText.visible(error))") + "\n" }
        }
        let score = results.labs.reduce(0) { $0 + $1.score }, maxScore = results.labs.reduce(0) { $0 + $1.maxScore }
        let total = "\(Points.text(score))/\(Points.text(maxScore))"
        text += (score == maxScore ? style.green(total) : style.bold(total)) + "\n"
        emit(text)
    }

    // MARK: - Helpers

    /// The message, the first failing command's diff (its header names `file:line`), the hint.
    /// Everything shown here came from the lab or a command's output: control characters are
    /// made visible (`TerminalText`) before any colour of our own is added.
    func failureDetails(_ result: BlockResult, labPath: String) -> String {
        var text = ""
        if let message = result.message {
            for line in message.split(separator: "\n", omittingEmptySubsequences: false) { text += "    \(Self.shown(String(line)))\n" }
        }
        if let failing = result.commands.last(where: { !$0.matched }) {
            if let diff = failing.diff {
                for line in diff.split(separator: "\n", omittingEmptySubsequences: false) {
                    let s = TerminalText.visible(String(line))
                    let painted = s.hasPrefix("---") || s.hasPrefix("+++") ? style.bold(s)
                        : s.hasPrefix("-") ? style.red(s) : s.hasPrefix("+") ? style.green(s) : s
                    text += "    \(painted)\n"
                }
            } else if !failing.actual.isEmpty {
                text += "    " + style.dim("output of \(Self.shown(labPath)):\(failing.line):") + "\n"
                for line in failing.actual.split(separator: "\n", omittingEmptySubsequences: false).suffix(20) {
                    text += "    | \(TerminalText.visible(String(line)))\n"
                }
            }
        }
        if let hint = result.hint { text += "    " + style.yellow("hint: \(Self.shown(hint))") + "\n" }
        return text
    }

    private func stopLiveLine() {
        lock.withLock {
            generation += 1
            timer?.cancel()
            timer = nil
            if liveLineShown {
                write("\r\u{1B}[K")
                liveLineShown = false
            }
        }
    }

    private func emit(_ text: String) {
        lock.withLock { write(text) }
    }

    static func seconds(_ value: Double) -> String { String(format: "%.2fs", value) }

    /// One line's worth of text from a lab or an output: every control character visible.
    static func shown(_ text: String) -> String { TerminalText.cell(text) }
}
