import Foundation
import LabEngine
import LabReports
import LabResults

/// The class grading's progress on stderr: on a terminal, a bar redrawn in place under a line
/// per finished learner; elsewhere (CI logs), just the lines.
final class ClassProgress {
    let total: Int
    let jobs: Int
    private let isTerminal = isatty(2) == 1
    private var barShown = false

    init(total: Int, jobs: Int) {
        self.total = total; self.jobs = jobs
        drawBar(done: 0)
    }

    /// One learner done (called one at a time by the grader).
    func finished(_ outcome: BatchGrader.Outcome, results: RunResults?, done: Int) {
        let name = Self.printable(outcome.submission.learner)
        var line = "[\(done)/\(total)] \(name): "
        if let results, outcome.exitStatus.map({ (0...2).contains($0) }) ?? false {
            line += "\(Points.text(results.totalScore))/\(Points.text(results.totalMaxScore))"
            if let error = results.labs.compactMap(\.error).first { line += " (\(Self.printable(error)))" }
        } else if outcome.timedOut {
            line += "stopped: took too long"
        } else {
            line += "not graded (exit status \(outcome.exitStatus.map(String.init) ?? "none"))"
        }
        line += String(format: " · %.1f s", outcome.duration)
        write((barShown ? "\r\u{1B}[K" : "") + line + "\n")
        barShown = false
        drawBar(done: done)
    }

    func end() {
        if barShown { write("\r\u{1B}[K") }
        barShown = false
    }

    private func drawBar(done: Int) {
        guard isTerminal, done < total else { return }
        let width = 30
        let filled = total == 0 ? 0 : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        write("\r\u{1B}[K\(bar) \(done)/\(total) graded, \(min(jobs, total - done)) at a time")
        barShown = true
    }

    private func write(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }

    /// A learner's name or a message as the terminal should show it: control characters (an
    /// escape sequence hidden in a folder name) as `^X`, as `cat -v` shows them.
    static func printable(_ text: String) -> String {
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
