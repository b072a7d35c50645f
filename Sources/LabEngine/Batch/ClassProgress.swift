import Foundation
import LabResults

/// The class grading's progress on stderr: on a terminal, a bar redrawn in place under a line
/// per finished learner; elsewhere (CI logs), just the lines.
public final class ClassProgress {
    let total: Int
    let jobs: Int
    private let isTerminal: Bool
    private let output: (String) -> Void
    private var barShown = false

    /// `isTerminal` and `output` are stderr's unless told (tests capture the text).
    public init(total: Int, jobs: Int, isTerminal: Bool = isatty(2) == 1,
                output: @escaping (String) -> Void = { try? FileHandle.standardError.write(contentsOf: Data($0.utf8)) }) {
        self.total = total; self.jobs = jobs
        self.isTerminal = isTerminal
        self.output = output
        drawBar(done: 0)
    }

    /// One learner done (called one at a time by the grader).
    public func finished(_ outcome: BatchGrader.Outcome, done: Int) {
        output((barShown ? "\r\u{1B}[K" : "") + Self.line(outcome, done: done, total: total) + "\n")
        barShown = false
        drawBar(done: done)
    }

    public func end() {
        if barShown { output("\r\u{1B}[K") }
        barShown = false
    }

    /// The line for a finished learner: the score (and the lab's error), or why there is none.
    static func line(_ outcome: BatchGrader.Outcome, done: Int, total: Int) -> String {
        var line = "[\(done)/\(total)] \(printable(outcome.submission.learner)): "
        if let results = outcome.results, outcome.isComplete {
            line += "\(Points.text(results.totalScore))/\(Points.text(results.totalMaxScore))"
            if let error = results.labs.compactMap(\.error).first { line += " (\(printable(error)))" }
        } else if outcome.timedOut {
            line += "stopped: took too long"
        } else {
            line += "not graded (exit status \(outcome.exitStatus.map(String.init) ?? "none"))"
        }
        return line + String(format: " · %.1f s", outcome.duration)
    }

    /// The bar for `done` of `total`, or nil when every learner is done.
    static func bar(done: Int, total: Int, jobs: Int) -> String? {
        guard done < total else { return nil }
        let width = 30
        let filled = total == 0 ? 0 : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        return "\(bar) \(done)/\(total) graded, \(min(jobs, total - done)) at a time"
    }

    private func drawBar(done: Int) {
        guard isTerminal, let bar = Self.bar(done: done, total: total, jobs: jobs) else { return }
        output("\r\u{1B}[K" + bar)
        barShown = true
    }

    /// A learner's name or a message as the terminal should show it: control characters (an
    /// escape sequence hidden in a folder name) as `^X`, as `cat -v` shows them.
    public static func printable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 { out += "^" + String(Unicode.Scalar(scalar.value + 0x40) ?? "?") }
            else if scalar.value == 0x7F { out += "^?" }
            else if (0x80...0x9F).contains(scalar.value) { out += "?" }
            else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
