import Foundation

extension BlockReason {
    /// The reason in words, as `lab run` prints it and the results file's `message` keeps it.
    public var text: String {
        switch self {
        case .text(let text):
            return text
        case .interrupted(let at, let cause):
            if let at { return "\(at): interrupted" }
            return "interrupted" + (cause.map { ": " + $0.text } ?? "")
        case .timedOut(let at, let after):
            return "\(at): timed out after \(Self.timeout(after)), killed"
        case .exitStatus(let at, let status, let expected):
            return "\(at): exit status \(status.map(String.init) ?? "none")" + (expected.map { ", expected \($0)" } ?? "")
        case .outputMismatch(let at):
            return "\(at): output does not match"
        case .partialScore(let scored, let of):
            return "scored \(Points.text(scored)) of \(Points.text(of))"
        case .scoreOutOfRange(let at, let score, let points, let failLines):
            return "\(at): SCORE: \(Points.text(score)) is outside 0...\(Points.text(points))" + Self.lines(failLines)
        case .killedBySignal(let at, let signal, let failLines):
            return "\(at): the script was killed by signal \(signal)" + Self.lines(failLines)
        case .couldNotStart(let at, let error):
            return "\(at): could not start: \(error)"
        case .cpuOutOfRange(let at, let subject, let mean, let expected, let earlyExits):
            var text = "\(at): \(subject) used \(String(format: "%.2f", mean)) cores on average, expected "
                + String(format: "%.2f..%.2f", expected.lowerBound, expected.upperBound)
            for command in earlyExits {
                text += "\n`\(command.command)` exited early with status \(command.exitStatus ?? 0)"
                    + (command.actual.isEmpty ? "" : ": " + command.actual)
            }
            return text
        case .noCPUSamples(let at, let subject, let error):
            return "\(at): no CPU samples of \(subject)" + (error.map { ": " + $0 } ?? "")
        case .notRun:
            return "not run"
        case .imagesMissing:
            return "not run: the images are missing"
        case .afterEarlierFailure:
            return "skipped after an earlier failure (--fail-fast)"
        case .setupFailed(let id):
            return "not run: setup block \(id) failed (--fail-fast)"
        case .notDone:
            return "not done"
        case .noAnswer:
            return "no answer"
        case .answerTimedOut(let at, let after):
            return "the answer (\(at)) timed out after \(Self.timeout(after)) and was killed"
        case .answerDidNotFinish(let at, let cause):
            return "the answer (\(at)) did not finish: \(cause?.text ?? "error")"
        }
    }

    private static func lines(_ lines: [String]) -> String {
        lines.isEmpty ? "" : "\n" + lines.joined(separator: "\n")
    }

    /// A block's timeout as the lab might write it. Timeouts are range-checked by the parser;
    /// the guard keeps a `LabBlock` made some other way from trapping here.
    static func timeout(_ value: Double) -> String {
        guard value.isFinite, value >= 0, value < 1e12 else { return String(format: "%gs", value) }
        if value < 1 { return "\(Int((value * 1000).rounded()))ms" }
        return value == value.rounded() ? "\(Int(value))s" : String(format: "%.2fs", value)
    }
}
