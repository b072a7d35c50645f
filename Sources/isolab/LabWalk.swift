import Foundation
import LabEngine
import LabFormat
import LabReports

/// The interactive loop of `lab walk`: prose from the file, a key press per block.
final class LabWalk {
    let lab: Lab
    let stepper: LabStepper
    let cancellation: RunCancellation
    var progress: WalkProgress
    let progressFile: String
    let reporter: TerminalReporter
    let style = TerminalStyle.detect()
    let lines: [String]

    init(lab: Lab, stepper: LabStepper, cancellation: RunCancellation, progress: WalkProgress, progressFile: String) {
        self.lab = lab; self.stepper = stepper; self.cancellation = cancellation
        self.progress = progress; self.progressFile = progressFile
        reporter = TerminalReporter(style: style)
        lines = lab.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The exit status: 0 finished with full score, 1 otherwise, 130 interrupted.
    func run() -> Int32 {
        LabConsole.out("Namespace \(stepper.namespace) · progress in \(progressFile)\n")
        for block in lab.blocks where block.kind == .setup && !progress.done.contains(block.id) {
            let result = stepper.run(block)
            if result.status != .passed {
                reporter.blockFinished(result, labPath: lab.path, index: 0, count: 0)
                return 1
            }
            mark(block.id, score: nil)
        }
        let interactive = lab.blocks.filter { $0.kind == .step || $0.kind == .check }
        var cursor = 1
        for (i, block) in interactive.enumerated() {
            printProse(from: cursor, to: block.location.line - 1)
            cursor = block.endLine + 1
            if progress.done.contains(block.id) {
                LabConsole.out(style.dim("(done: \(block.id))"))
                continue
            }
            printSource(block)
            switch walkBlock(block, index: i + 1, count: interactive.count) {
            case .next: continue
            case .quit:
                save()
                LabConsole.out("Progress saved; continue with: isolab lab walk --resume \(lab.path)")
                return cancellation.isCancelled ? 130 : 1
            }
        }
        printProse(from: cursor, to: lines.count)
        let checks = lab.blocks.filter { $0.kind == .check }
        let score = checks.reduce(0) { $0 + (progress.scores[$1.id] ?? 0) }
        let maxScore = checks.reduce(0) { $0 + $1.points }
        LabConsole.out(style.bold("Score: \(ReportFormat.points(score))/\(ReportFormat.points(maxScore))"))
        let cleanups = lab.blocks.filter { $0.kind == .cleanup }
        if !cleanups.isEmpty, ask("Remove what this lab created in namespace \(stepper.namespace)? [y/N] ") == "y" {
            for block in cleanups { reporter.blockFinished(stepper.runIgnoringCancellation(block), labPath: lab.path, index: 1, count: 1) }
        }
        try? FileManager.default.removeItem(atPath: progressFile)
        return score == maxScore ? 0 : 1
    }

    enum Next { case next, quit }

    private func walkBlock(_ block: LabBlock, index: Int, count: Int) -> Next {
        let prompt = block.kind == .check
            ? "Do the task (in another terminal), then press Enter to grade it · s skip · q quit: "
            : "Press Enter to run · s skip · q quit: "
        var answer = ask(prompt)
        while true {
            switch answer {
            case nil, "q": return .quit
            case "s": return .next
            default: break
            }
            let result = stepper.run(block)
            reporter.blockFinished(result, labPath: lab.path, index: index, count: count)
            LabConsole.out("")
            if cancellation.isCancelled { return .quit }
            if result.status == .passed {
                mark(block.id, score: block.kind == .check ? result.score : nil)
                return .next
            }
            if block.kind == .check { progress.scores[block.id] = max(progress.scores[block.id] ?? 0, result.score) }
            answer = ask("Press Enter to try again · s skip · q quit: ")
        }
    }

    private func mark(_ id: String, score: Double?) {
        progress.done.append(id)
        if let score { progress.scores[id] = score }
        save()
    }

    private func save() {
        progress.captures = stepper.captures
        progress.failures = stepper.failures
        do { try progress.save(to: progressFile) } catch { LabConsole.error("isolab: saving \(progressFile): \(error)") }
    }

    private func ask(_ prompt: String) -> String? {
        FileHandle.standardOutput.write(Data(style.yellow(prompt).utf8))
        guard let line = readLine() else { return nil }
        return line.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Source lines `from...to` (1-based) without hidden blocks and with blank runs squeezed.
    private func printProse(from: Int, to: Int) {
        guard from <= to else { return }
        let hidden = lab.blocks.filter(\.hidden).map { $0.location.line...$0.endLine }
        var text: [String] = []
        for n in from...min(to, lines.count) where !hidden.contains(where: { $0.contains(n) }) {
            let line = lines[n - 1]
            if line.isEmpty, text.last?.isEmpty ?? true { continue }
            text.append(line)
        }
        while text.last?.isEmpty == true { text.removeLast() }
        if !text.isEmpty { LabConsole.out(text.joined(separator: "\n") + "\n") }
    }

    private func printSource(_ block: LabBlock) {
        let range = block.location.line...max(block.location.line, min(block.endLine, lines.count))
        LabConsole.out(range.map { style.dim(lines[$0 - 1]) }.joined(separator: "\n"))
    }
}
