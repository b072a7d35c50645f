import Foundation
import LabResults
#if canImport(Glibc)
import Glibc
#endif

/// What `lab walk` shows in a terminal: the header, prose rendered from Markdown and wrapped to
/// the window, each step's commands as typed, the commands' real output as it comes, a spinner
/// with the elapsed time while a step is quiet, a measuring step's CPU samples as a sparkline,
/// ✓ or ✗ with the diff and the hint, and the keys that work. Everything since the current step
/// was shown is kept, so a resize renders it again at the new width.
/// Thread-safe: the spinner is drawn from a timer.
public final class WalkScreen: @unchecked Sendable {
    public let style: TerminalStyle
    private let fd: Int32
    private let fixedWidth: Int?
    private let sink: ((String) -> Void)?
    private let lock = NSLock()
    private var view: [WalkScreenItem] = []
    /// The last byte written was a newline (the spinner and live lines draw only there).
    private var atLineStart = true
    private var liveLine = false
    private var timer: DispatchSourceTimer?
    private var blockStart = 0.0
    private var lastOutput = 0.0
    private var spinnerFrame = 0
    private var samples: [Double] = []
    /// The start of a UTF-8 character whose other bytes are still to be read.
    private var partial: [UInt8] = []

    /// - Parameters:
    ///   - fd: the terminal written to (its width is read at each render).
    ///   - width: a fixed width (tests); nil reads the terminal's.
    ///   - sink: where text goes instead of `fd` (tests).
    public init(style: TerminalStyle, fd: Int32 = 1, width: Int? = nil, sink: ((String) -> Void)? = nil) {
        self.style = style; self.fd = fd; self.fixedWidth = width; self.sink = sink
    }

    deinit { timer?.cancel() }

    /// The window's width (COLUMNS, then 80, when it cannot be read).
    public var width: Int {
        if let fixedWidth { return fixedWidth }
        var size = winsize()
        if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(text), n > 0, n < 10_000 { return n }
        return 80
    }

    // MARK: - The walk's view

    public func beginView() {
        lock.withLock { view = [] }
        raw("\n")
    }

    public func header(_ text: String) { show(.header(text)) }
    public func prose(_ markdown: String) { show(.prose(markdown)) }
    public func commands(_ lines: [String], title: String, isCheck: Bool) { show(.commands(lines, title: title, isCheck: isCheck)) }
    public func exercise(exportLine: String) { show(.exercise(exportLine)) }
    public func prompt(_ text: String) { show(.prompt(text)) }
    public func note(_ text: String) { show(.text(style.dim(text) + "\n")) }

    public func solution(_ lines: [String]) {
        var text = style.bold("Solution") + style.dim(" (recorded in your results as \"solution shown\")") + "\n"
        for line in lines { text += style.green(line) + "\n" }
        show(.text(text))
    }

    /// ✓ or ✗ and the time; on failure the message (`FAIL:` lines), the diff as `lab run`
    /// shows it, and the hint. The output itself was shown as it came.
    public func result(_ result: BlockResult, labPath: String) {
        var line = "\(style.symbol(result.status)) \(result.id) " + style.dim(TerminalReporter.seconds(result.duration))
        if result.kind == .check {
            line += " " + style.bold("\(Points.text(result.score))/\(Points.text(result.maxScore)) points")
        }
        if let measure = result.measure {
            line += style.dim(String(format: " · mean %.2f cores", measure.meanCores))
            if let low = measure.expectLow, let high = measure.expectHigh {
                line += style.dim(String(format: ", expected %.2f..%.2f", low, high))
            }
        }
        if result.status == .timedOut { line += " " + style.red("timed out") }
        var text = line + "\n"
        if result.status.isFailure { text += details(result) }
        show(.text(text))
    }

    func details(_ result: BlockResult) -> String {
        var text = ""
        if let message = result.message {
            let fromScript = result.kind == .check && result.commands.first?.expected == nil
            for line in message.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
                let shown = fromScript && !line.contains(":\(result.line)") && !line.hasPrefix("scored") ? "FAIL: \(line)" : String(line)
                text += "  " + style.red(shown) + "\n"
            }
        }
        if let diff = result.commands.last(where: { !$0.matched })?.diff {
            for line in diff.split(separator: "\n", omittingEmptySubsequences: false) {
                let s = String(line)
                let painted = s.hasPrefix("---") || s.hasPrefix("+++") ? style.bold(s)
                    : s.hasPrefix("-") ? style.red(s) : s.hasPrefix("+") ? style.green(s) : s
                text += "  \(painted)\n"
            }
        }
        if let hint = result.hint { text += "  " + style.yellow("hint: \(hint)") + "\n" }
        return text
    }

    public func summary(score: Double, maxScore: Double, checks: [BlockResult], resultsFile: String?) {
        let total = maxScore > 0 ? "Score: \(Points.text(score))/\(Points.text(maxScore)) points"
            : "The end: this lab has no exercises to score."
        var text = (score == maxScore ? style.green(style.bold(total)) : style.bold(total)) + "\n"
        for check in checks {
            text += "  \(style.symbol(check.status)) \(check.id) \(Points.text(check.score))/\(Points.text(check.maxScore))"
            if check.solutionShown == true { text += style.dim(" · solution shown") }
            text += "\n"
        }
        if let resultsFile {
            text += "Results: \(resultsFile)\n"
            text += style.dim("(isolab lab report FILE --html OUT renders them again)") + "\n"
        }
        show(.text(text))
    }

    /// Renders everything since the current view began again, at the window's width now.
    public func redraw() {
        let items = lock.withLock { view }
        stopLiveLine()
        if style.interactive { raw("\u{1B}[H\u{1B}[2J") }
        for item in items { raw(render(item)) }
    }

    // MARK: - Live: a running block

    /// A block starts: after half a second without output, a spinner with the elapsed time.
    public func blockStarted() {
        let now = ProcessInfo.processInfo.systemUptime
        lock.withLock { blockStart = now; lastOutput = now; samples = [] }
        guard style.interactive else { return }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        timer.schedule(deadline: .now() + 0.2, repeating: 0.1)
        timer.setEventHandler { [weak self] in self?.tick() }
        lock.withLock { self.timer?.cancel(); self.timer = timer }
        timer.resume()
    }

    public func blockEnded() {
        lock.withLock {
            timer?.cancel(); timer = nil
            if !partial.isEmpty { write(String(decoding: partial, as: UTF8.self)); partial = [] }
        }
        stopLiveLine()
        lock.withLock { if !atLineStart { write("\n") } }
    }

    public func commandStarted(_ command: String, background: Bool) {
        var text = command.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { style.bold(($0.offset == 0 ? "$ " : "> ") + $0.element) }.joined(separator: "\n")
        if background { text += style.dim("  (left running while the lab goes on)") }
        stopLiveLine()
        lock.withLock {
            if !atLineStart { write("\n") }
            write(text + "\n")
            view.append(.text(text + "\n"))
        }
    }

    public func output(_ bytes: [UInt8]) {
        let text = lock.withLock { () -> String in
            // A character cut between two reads is shown when its last byte comes.
            let all = partial + bytes
            let cut = Self.completeUTF8Prefix(all)
            partial = Array(all[cut...])
            return String(decoding: all[..<cut], as: UTF8.self)
        }
        stopLiveLine()
        lock.withLock {
            lastOutput = ProcessInfo.processInfo.systemUptime
            write(text)
            view.append(.text(text))
        }
    }

    /// The length of `bytes` without a UTF-8 sequence cut short at its end.
    public static func completeUTF8Prefix(_ bytes: [UInt8]) -> Int {
        var i = bytes.count
        // Walk back over at most three continuation bytes to the sequence's first byte.
        while i > 0, bytes.count - i < 3, bytes[i - 1] & 0xC0 == 0x80 { i -= 1 }
        guard i > 0 else { return bytes.count }
        let lead = bytes[i - 1]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return bytes.count - (i - 1) < length ? i - 1 : bytes.count
    }

    public func cpuSample(_ sample: CPUSample, window: Double, expected: ClosedRange<Double>?) {
        lock.withLock {
            samples.append(sample.cores)
            lastOutput = ProcessInfo.processInfo.systemUptime
            let top = max(1, (expected?.upperBound ?? 1) * 1.5, samples.max() ?? 0)
            var line = "cpu " + Sparkline.render(samples, top: top, width: max(10, width - 40))
                + String(format: " %.2f cores", sample.cores)
            if let expected { line += String(format: " (expected %.2f..%.2f)", expected.lowerBound, expected.upperBound) }
            line += String(format: " %.1fs/%.0fs", sample.t, window)
            if style.interactive {
                if !atLineStart && !liveLine { write("\n") }
                write("\r\u{1B}[K" + style.yellow(line))
                liveLine = true
                atLineStart = true   // the live line is replaced, never continued
            } else if samples.count % 10 == 0 {
                write(line + "\n")
            }
        }
    }

    private func tick() {
        lock.withLock {
            let now = ProcessInfo.processInfo.systemUptime
            // Only on a line of its own, after half a second of quiet, and never over a sparkline.
            guard atLineStart, now - lastOutput >= 0.5, samples.isEmpty else { return }
            let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
            spinnerFrame = (spinnerFrame + 1) % frames.count
            write("\r\u{1B}[K" + style.dim("\(frames[spinnerFrame]) running \(String(format: "%.1f", now - blockStart))s · Ctrl-C stops this step"))
            liveLine = true
            atLineStart = true
        }
    }

    private func stopLiveLine() {
        lock.withLock {
            guard liveLine else { return }
            // A sparkline stays (its last state); a spinner goes.
            if samples.isEmpty { write("\r\u{1B}[K") } else { write("\n") }
            liveLine = false
            atLineStart = true
        }
    }

    // MARK: - Rendering

    private func show(_ item: WalkScreenItem) {
        stopLiveLine()
        lock.withLock {
            view.append(item)
            if !atLineStart { write("\n") }
            write(render(item))
        }
    }

    func render(_ item: WalkScreenItem) -> String {
        let width = self.width
        switch item {
        case .header(let text):
            let rule = String(repeating: "─", count: max(0, min(width, 100) - text.count - 4))
            return style.bold("── " + text + " ") + style.dim(rule) + "\n"
        case .prose(let markdown):
            let lines = MarkdownTerminalRenderer.render(markdown, width: min(width, 100), style: style)
            return lines.isEmpty ? "" : "\n" + lines.joined(separator: "\n") + "\n"
        case .commands(let lines, let title, let isCheck):
            var text = "\n" + (isCheck ? style.yellow(style.bold(title)) : style.bold(title)) + "\n"
            if isCheck, !lines.isEmpty { text += style.dim("The check runs:") + "\n" }
            for line in lines { text += (isCheck ? style.dim(line) : style.paint(line, "36")) + "\n" }
            return text
        case .exercise(let exportLine):
            let advice = "Press ! for a shell right here, with isolab's docker and this walk's namespace; "
                + "leaving it (exit or Ctrl-D) grades the exercise. Or, while the walk runs, paste this "
                + "into another terminal:"
            let lines = TerminalWrapper.wrap([TerminalSpan(text: advice, look: [])], width: min(width, 100), style: style)
            return lines.map { style.dim($0) }.joined(separator: "\n") + "\n  " + exportLine + "\n"
        case .text(let text):
            return text
        case .prompt(let keys):
            return "\n" + style.yellow("› " + keys) + "\n"
        }
    }

    /// Writes without recording (the caller holds the lock).
    private func write(_ text: String) {
        guard !text.isEmpty else { return }
        if let sink { sink(text) } else {
            var bytes = Array(text.utf8)[...]
            while !bytes.isEmpty {
                let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                if n < 0 { if errno == EINTR { continue }; break }
                bytes = bytes.dropFirst(n)
            }
        }
        atLineStart = text.hasSuffix("\n")
    }

    private func raw(_ text: String) { lock.withLock { write(text) } }
}
