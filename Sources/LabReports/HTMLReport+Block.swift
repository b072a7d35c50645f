import Foundation
import LabResults

extension HTMLReport {
    /// A status badge; a check with some but not all points reads "partial".
    public static func badge(_ block: BlockResult) -> String {
        if block.isPartial {
            return "<span class=\"badge partial\">◐ partial</span>"
        }
        return badge(block.status)
    }

    /// Symbols from Geometric Shapes and Dingbats, which common fonts (DejaVu included) carry,
    /// so the badge never shows an empty box; the word beside them carries the meaning anyway.
    static func badge(_ status: Status) -> String {
        let (symbol, text): (String, String)
        switch status {
        case .passed: (symbol, text) = ("✓", "passed")
        case .failed: (symbol, text) = ("✗", "failed")
        case .timedOut: (symbol, text) = ("◷", "timed out")
        case .error: (symbol, text) = ("!", "error")
        case .skipped: (symbol, text) = ("–", "skipped")
        case .running: (symbol, text) = ("…", "running")
        }
        // A results file is rewritten after each block, so "running" in one read mid-run is
        // true; in a finished one it means the run was stopped while the block ran.
        let title = status == .running ? " title=\"\(runningNote)\"" : ""
        return "<span class=\"badge \(status.rawValue)\"\(title)>\(symbol) \(text)</span>"
    }

    static let runningNote = "still running when these results were written, or the run was interrupted"

    /// One executable block as run: badge, id, kind, points, the reason and hint, each
    /// command with its actual output, the diff when it did not match, and the CPU chart.
    public static func card(_ block: BlockResult, anchor: String) -> String {
        let cssStatus = block.isPartial ? "partial" : block.status.rawValue
        var s = "<section class=\"block \(cssStatus)\" id=\"\(ReportEscape.attribute(anchor))\" data-block-id=\"\(ReportEscape.attribute(block.id))\">\n"
        var kind = block.kind.rawValue
        if !block.language.isEmpty { kind += " · " + block.language } else if block.kind != .step { kind += " · hidden" }
        if block.background { kind += " · background" }
        s += "<div class=\"blockhead\">\(badge(block)) <code class=\"bid\">#\(ReportEscape.markup(block.id))</code> <span class=\"meta\">\(ReportEscape.markup(kind))</span>"
        if block.kind == .check {
            s += " <span class=\"pts\">\(Points.text(block.score)) / \(Points.text(block.maxScore)) pts</span>"
        }
        var meta = ["line \(block.line)", ReportFormat.duration(block.duration)]
        if block.attempts > 1 { meta.append("\(block.attempts) attempts") }
        s += " <span class=\"meta\">\(meta.joined(separator: " · "))</span></div>\n"

        if let message = block.message, !message.isEmpty, !block.isFullyPassed {
            s += "<p class=\"message\">\(ReportEscape.markup(message))</p>\n"
        }
        if let hint = block.hint, !hint.isEmpty, !block.isFullyPassed {
            s += "<p class=\"hint\"><strong>Hint:</strong> \(ReportEscape.markup(hint))</p>\n"
        }
        if block.status == .running {
            s += "<p class=\"meta\">Not finished: \(runningNote).</p>\n"
        }
        if block.commands.isEmpty && block.status == .skipped {
            s += "<p class=\"meta\">Not run.</p>\n"
        }
        for command in block.commands {
            s += commandHTML(command, measured: block.measure != nil)
        }
        if let measure = block.measure {
            s += "<figure>\n" + CPUChart.svg(measure, id: anchor + "-chart") + "\n<figcaption>"
            s += (measure.cgroup == nil ? "Container" : "Cgroup")
                + " <code>\(ReportEscape.markup(measure.cgroup ?? measure.container))</code>: mean \(String(format: "%.2f", measure.meanCores)) cores over \(ReportFormat.duration(measure.window)), \(measure.samples.count) samples"
            if let band = CPUChart.bandText(measure) { s += "; expected \(ReportEscape.markup(band))" }
            s += ".</figcaption>\n</figure>\n"
        }
        return s + "</section>\n"
    }

    private static func commandHTML(_ command: CommandResult, measured: Bool) -> String {
        // A script is shown as the lab has it: with `$ ` and `> ` before its lines it would
        // read as commands typed one by one, which it was not.
        var s = command.isScript
            ? "<div class=\"label\">script</div>\n<pre class=\"command\">\(ReportEscape.markup(command.command))</pre>\n"
            : "<pre class=\"command\">\(ReportEscape.markup(command.transcriptText))</pre>\n"
        let mismatch = !command.matched && !measured
        if mismatch, let diff = command.diff, !diff.isEmpty {
            s += "<div class=\"label\">actual output</div>\n<pre class=\"output\">\(ReportEscape.markup(command.actual))</pre>\n"
            s += "<div class=\"label\">expected vs actual (− expected, + actual)</div>\n<pre class=\"diff\">\(diffHTML(diff))</pre>\n"
        } else if mismatch, let expected = command.expected {
            s += "<div class=\"pair\"><div><div class=\"label\">expected</div><pre class=\"expected\">\(ReportEscape.markup(expected))</pre></div>"
            s += "<div><div class=\"label\">actual</div><pre class=\"output\">\(ReportEscape.markup(command.actual))</pre></div></div>\n"
        } else if !command.actual.isEmpty {
            if command.isScript { s += "<div class=\"label\">output</div>\n" }
            s += "<pre class=\"output\">\(ReportEscape.markup(command.actual))</pre>\n"
        }
        // A measured command runs until its window ends and is then stopped: no exit status is expected.
        let stopped = measured && command.exitStatus == nil && !command.timedOut
        var meta = [stopped ? "stopped at the end of the window" : command.exitText, ReportFormat.duration(command.duration)]
        if let expectedStatus = command.expectedStatus, command.exitStatus.map({ Int($0) != expectedStatus }) ?? true {
            meta.append("expected exit \(expectedStatus)")
        }
        s += "<div class=\"meta\">\(ReportEscape.markup(meta.joined(separator: " · ")))</div>\n"
        return s
    }

    /// A unified diff with removed, added and header lines marked for colour (and, for
    /// colour-blind readers and black-and-white print, still led by `-`, `+`, `---`, `@@`).
    /// `--- `/`+++ ` lines are headers only at the top: further down they are a removed
    /// line reading `-- …` or an added one reading `++ …`.
    static func diffHTML(_ diff: String) -> String {
        var inHeader = true
        return diff.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let text = ReportEscape.markup(String(line))
            if inHeader && (line.hasPrefix("--- ") || line.hasPrefix("+++ ")) { return "<span class=\"hunk\">\(text)</span>" }
            inHeader = false
            if line.hasPrefix("@@") { return "<span class=\"hunk\">\(text)</span>" }
            if line.hasPrefix("-") { return "<span class=\"del\">\(text)</span>" }
            if line.hasPrefix("+") { return "<span class=\"ins\">\(text)</span>" }
            return text + "\n"
        }.joined()
    }
}
