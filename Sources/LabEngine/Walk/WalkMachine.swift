import LabFormat
import LabReports
import LabResults

/// The walk as a state machine: `start()` shows the first step, then each key moves it on.
/// Running a block, opening a shell and removing containers go through the driver; everything
/// the learner sees goes to the output. Synchronous: `handle` returns when the key's work is done.
public final class WalkMachine {
    public enum State: Equatable {
        /// At block `i` of the document's steps and checks, waiting for a key.
        case atBlock(Int)
        /// `q` was pressed at block `i`: remove or keep the containers?
        case quitting(Int)
        /// All blocks done: write the HTML report?
        case askingReport
        case finished
    }

    /// How a walk starts and ends.
    public struct Options: Sendable {
        /// `--step ID`: start at this step or check.
        public var startAt: String?
        /// `--keep`: leave the containers at the end.
        public var keep: Bool
        public init(startAt: String? = nil, keep: Bool = false) { self.startAt = startAt; self.keep = keep }
    }

    /// After this many failed attempts at a check, `?` reveals its solution.
    public static let failuresBeforeSolution = 2

    public let document: WalkDocument
    public private(set) var progress: WalkProgress
    public private(set) var state: State = .finished
    /// 0 finished with a full score, 1 otherwise, 143 terminated.
    public private(set) var exitStatus: Int32 = 1
    private let driver: WalkDriver
    private let output: WalkOutput
    private let options: Options
    /// The result of the current block's last attempt, if it failed.
    private var lastFailure: BlockResult?

    public init(document: WalkDocument, progress: WalkProgress, driver: WalkDriver, output: WalkOutput,
                options: Options = Options()) {
        self.document = document; self.progress = progress; self.driver = driver
        self.output = output; self.options = options
    }

    var lab: Lab { document.lab }
    public var isFinished: Bool { state == .finished }

    // MARK: - Start

    /// Runs the setup blocks not yet done, then shows the first step to do.
    public func start() {
        output.note("Namespace \(driver.namespace)")
        for block in lab.blocks where block.kind == .setup && !progress.done.contains(block.id) {
            let result = driver.run(block)
            // Counted as `lab serve` counts its setup, by the one rule of `apply`.
            progress.apply(result, of: block)
            if result.status != .passed {
                output.result(result, labPath: lab.path)
                output.note("Setup block \(block.id) failed; the steps may fail too.")
            }
        }
        driver.save(progress)
        let position = progress.position.flatMap { id in document.blocks.firstIndex { $0.id == id } }
        if let id = options.startAt, let i = document.blocks.firstIndex(where: { $0.id == id }) {
            show(i)
        } else if let i = position ?? nextUndone(from: 0) {
            let doneCount = document.blocks.filter { progress.done.contains($0.id) }.count
            if i > 0 { output.note("Resuming at \(document.blocks[i].id) (\(doneCount) of \(document.blocks.count) done).") }
            show(i)
        } else {
            finish()
        }
    }

    // MARK: - Keys

    public func handle(_ key: WalkKey) {
        if key == .resize { output.redraw(); return }
        if key == .terminate { terminate(); return }
        switch state {
        case .atBlock(let i): handleAtBlock(i, key)
        case .quitting(let i): handleQuitting(i, key)
        case .askingReport: handleReport(key)
        case .finished: break
        }
    }

    private func handleAtBlock(_ i: Int, _ key: WalkKey) {
        let block = document.blocks[i]
        switch key {
        case .enter, .character("r"):
            runBlock(i)
        case .character("s"):
            output.note("Skipped \(block.id).")
            advance(from: i)
        case .character("!") where block.kind == .check:
            if let error = driver.openShell() {
                output.note("Could not open a shell: \(error)")
                promptAtBlock(i)
            } else {
                output.note("Back from the shell: grading \(block.id).")
                runBlock(i)
            }
        case .character("?") where canRevealSolution(block):
            revealSolution(block)
            promptAtBlock(i)
        case .character("q"), .interrupt, .endOfInput:
            if key == .endOfInput {
                quit(remove: false)
            } else {
                askQuit(i)
            }
        default:
            promptAtBlock(i)
        }
    }

    private func handleQuitting(_ i: Int, _ key: WalkKey) {
        switch key {
        case .character("r"), .character("y"): quit(remove: true)
        case .character("k"), .endOfInput: quit(remove: false)
        case .character("c"), .character("\u{1b}"), .character("n"):
            state = .atBlock(i)
            promptAtBlock(i)
        default:
            askQuit(i)
        }
    }

    private func handleReport(_ key: WalkKey) {
        switch key {
        case .character("y"):
            switch driver.writeHTML(progress) {
            case .success(let path): output.note("HTML report: \(path)")
            case .failure(let error): output.note("Could not write the HTML report: \(error)")
            }
            cleanUpAtEnd()
        case .character("n"), .enter, .character("q"), .interrupt, .endOfInput:
            cleanUpAtEnd()
        default:
            output.prompt("Write the HTML report? y yes · n no")
        }
    }

    // MARK: - Running

    private func runBlock(_ i: Int) {
        let block = document.blocks[i]
        let result = driver.run(block)
        progress.apply(result, of: block)
        output.result(result, labPath: lab.path)
        if result.status == .passed {
            lastFailure = nil
            driver.save(progress)
            _ = driver.writeResults(progress)
            advance(from: i)
            return
        }
        lastFailure = result
        if result.reason?.isInterrupted == true {
            output.note("Interrupted: \(block.id) was stopped; the walk goes on.")
        }
        driver.save(progress)
        _ = driver.writeResults(progress)
        promptAtBlock(i)
    }

    private func canRevealSolution(_ block: LabBlock) -> Bool {
        progress.canRevealSolution(block, in: lab, afterFailures: Self.failuresBeforeSolution)
    }

    private func revealSolution(_ block: LabBlock) {
        output.solution(progress.revealSolution(block, in: lab))
        driver.save(progress)
        _ = driver.writeResults(progress)
    }

    // MARK: - Moving on

    private func nextUndone(from i: Int) -> Int? {
        guard i < document.blocks.count else { return nil }
        return document.blocks[i...].firstIndex { !progress.done.contains($0.id) }
    }

    private func advance(from i: Int) {
        if i + 1 < document.blocks.count { show(i + 1) } else { finish() }
    }

    private func show(_ i: Int) {
        let block = document.blocks[i]
        state = .atBlock(i)
        lastFailure = nil
        progress.position = block.id
        driver.save(progress)
        output.beginView()
        output.header(headerText(i))
        output.prose(document.prose[i])
        let title = block.kind == .check
            ? "Exercise \(block.id) · \(Points.text(block.points)) point\(block.points == 1 ? "" : "s")"
            : "Step \(block.id)" + (progress.done.contains(block.id) ? " (done before)" : "")
        output.commands(WalkDocument.typedLines(block), title: title, isCheck: block.kind == .check)
        if block.kind == .check { output.exercise(exportLine: driver.exportLine) }
        promptAtBlock(i)
    }

    private func promptAtBlock(_ i: Int) {
        let block = document.blocks[i]
        var keys: [String] = []
        if block.kind == .check {
            keys.append("! shell")
            keys.append("Enter grade")
        } else {
            keys.append(lastFailure == nil ? "Enter run" : "r retry")
        }
        if lastFailure != nil, block.kind == .check { keys.append("r retry") }
        if canRevealSolution(block) { keys.append("? show the solution") }
        keys.append("s skip")
        keys.append("q quit")
        output.prompt(keys.joined(separator: " · "))
    }

    func headerText(_ i: Int) -> String {
        let (score, maxScore) = totals()
        return "\(document.shortTitle) · step \(i + 1)/\(document.blocks.count) · "
            + "\(Points.text(score))/\(Points.text(maxScore)) points"
    }

    private func totals() -> (Double, Double) {
        let checks = lab.blocks.filter { $0.kind == .check }
        return (checks.reduce(0) { $0 + (progress.scores[$1.id] ?? 0) }, checks.reduce(0) { $0 + $1.points })
    }

    // MARK: - Ending

    private func finish() {
        output.beginView()
        output.prose(document.prose[document.blocks.count])
        let (score, maxScore) = totals()
        let checks = lab.blocks.filter { $0.kind == .check }.map { check -> BlockResult in
            if var result = progress.results.first(where: { $0.id == check.id }) {
                result.score = progress.scores[check.id] ?? result.score
                if progress.done.contains(check.id) { result.status = .passed }
                return result
            }
            return BlockExecutor.skipped(check, reason: .notDone)
        }
        let file = driver.writeResults(progress)
        output.summary(score: score, maxScore: maxScore, checks: checks, resultsFile: file)
        exitStatus = score == maxScore ? 0 : 1
        state = .askingReport
        output.prompt("Write the HTML report? y yes · n no")
    }

    private func cleanUpAtEnd() {
        if options.keep {
            let names = driver.containerNames()
            output.note("Kept (--keep) in namespace \(driver.namespace): "
                        + (names.isEmpty ? "no containers" : names.joined(separator: ", ")))
        } else {
            output.note("Cleaning up…")
            for result in driver.removeContainers() where result.status != .passed {
                output.result(result, labPath: lab.path)
            }
        }
        driver.forgetProgress()
        state = .finished
    }

    private func askQuit(_ i: Int) {
        state = .quitting(i)
        let names = driver.containerNames()
        output.note("Containers of this walk (namespace \(driver.namespace)): "
                    + (names.isEmpty ? "none" : names.joined(separator: ", ")))
        output.prompt("Quit: r remove the lab's containers · k keep them for --resume · c go on")
    }

    private func quit(remove: Bool) {
        if remove {
            output.note("Removing the lab's containers…")
            for result in driver.removeContainers() where result.status != .passed {
                output.result(result, labPath: lab.path)
            }
            // The steps' containers are gone: a resume starts the steps again, scores stay.
            progress.done.removeAll()
            progress.captures = [:]
            progress.position = nil
            driver.save(progress)
            let left = driver.containerNames()
            output.note(left.isEmpty ? "Removed; nothing of this walk is left running."
                                     : "Still there: " + left.joined(separator: ", "))
        } else {
            driver.save(progress)
            let names = driver.containerNames()
            output.note("Kept in namespace \(driver.namespace): " + (names.isEmpty ? "no containers" : names.joined(separator: ", ")))
        }
        _ = driver.writeResults(progress)
        output.note("Progress saved; continue with: isolab lab walk --resume \(lab.path)")
        exitStatus = 1
        state = .finished
    }

    private func terminate() {
        driver.save(progress)
        _ = driver.writeResults(progress)
        output.note("Terminated: progress saved, containers kept; continue with: isolab lab walk --resume \(lab.path)")
        exitStatus = 143
        state = .finished
    }
}
