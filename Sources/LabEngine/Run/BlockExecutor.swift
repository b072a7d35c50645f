import Foundation
import LabFormat
import LabResults

/// Runs one block of a lab in a session: its commands, retries, scoring.
final class BlockExecutor {
    let lab: Lab
    let session: LabSession
    let cancellation: RunCancellation
    let host: ContainerHost
    /// Where the walk sees commands start, their output as it comes and CPU samples; nil for
    /// `run` and `grade`, which report a block when it ends.
    weak var live: BlockLiveOutput?
    /// Background blocks started so far, stopped by the runner before cleanup.
    private(set) var backgroundJobs: [BackgroundJob] = []
    /// How often each block has failed in this session: the Nth failure shows the Nth hint
    /// (a walk grades one check again and again; a run fails it once).
    var failures: [String: Int] = [:]

    /// Pause between attempts of a `retry` block.
    static let retryPause = 0.5

    init(lab: Lab, session: LabSession, cancellation: RunCancellation, host: ContainerHost) {
        self.lab = lab; self.session = session; self.cancellation = cancellation; self.host = host
    }

    /// Runs `block` to its end (all attempts) and describes it. `override` replaces the run's
    /// cancellation: cleanup passes a fresh one so it still runs after an interrupt.
    func execute(_ block: LabBlock, cancellation override: RunCancellation? = nil) -> BlockResult {
        let token = override ?? cancellation
        let start = MonotonicClock.now()
        var attempts = 0
        var attempt: AttemptResult
        if block.background, block.measure == nil {
            attempts = 1
            attempt = startBackground(block, token: token)
        } else {
            repeat {
                if attempts > 0 { MonotonicClock.sleep(BlockExecutor.retryPause) }
                attempts += 1
                attempt = block.measure != nil ? measure(block, token: token) : runOnce(block, token: token)
                if attempt.status == .passed || token.isCancelled { break }
                // Another attempt only if it can start before D has passed.
            } while block.retry.map { MonotonicClock.now() + BlockExecutor.retryPause - start <= $0 } ?? false
        }
        if attempt.status == .passed { session.commit(attempt.captures) }
        var hint: String? = nil
        if attempt.status != .passed {
            // An interrupt is not the learner's failure: it shows the current hint, not the next.
            if !token.isCancelled { failures[block.id, default: 0] += 1 }
            hint = block.hint(afterFailures: failures[block.id] ?? 1)
        }
        if token.isCancelled, attempt.status != .passed {
            attempt.status = .error
            if attempt.reason?.isInterrupted != true {
                attempt.reason = .interrupted(at: nil, cause: attempt.reason)
            }
        }
        return BlockResult(
            id: block.id, kind: block.kind, language: block.language,
            line: block.location.line, column: block.location.column, status: attempt.status,
            duration: MonotonicClock.now() - start, attempts: attempts, commands: attempt.commands,
            score: block.kind == .check ? attempt.score : 0, maxScore: block.kind == .check ? block.points : 0,
            reason: attempt.reason, hint: hint,
            background: block.background, measure: attempt.measure)
    }

    /// A result for a block that did not run.
    static func skipped(_ block: LabBlock, reason: BlockReason?) -> BlockResult {
        BlockResult(id: block.id, kind: block.kind, language: block.language,
                    line: block.location.line, column: block.location.column, status: .skipped,
                    duration: 0, attempts: 0, commands: [], score: 0,
                    maxScore: block.kind == .check ? block.points : 0, reason: reason, hint: nil,
                    background: block.background, measure: nil)
    }

    /// A check that was not run and scores 0 for `reason` (graded from answers: no answer, or
    /// an answer that timed out).
    static func unscored(_ block: LabBlock, reason: BlockReason) -> BlockResult {
        var result = skipped(block, reason: reason)
        result.status = .failed
        return result
    }

    // MARK: - One attempt

    private func runOnce(_ block: LabBlock, token: RunCancellation) -> AttemptResult {
        switch block.body {
        case .transcript(let commands): return runTranscript(block, commands, token: token)
        case .script(let script): return runScript(block, script, token: token)
        }
    }

    func run(_ command: String, environment: [String: String], timeout: Double,
             token: RunCancellation) -> ProcessOutcome {
        do {
            let process = try ShellProcess(command: command, environment: environment,
                                           directory: session.workDirectory, output: .pipe, cancellation: token)
            live?.commandStarted(command, background: false)
            return process.wait(timeout: timeout, onOutput: live.map { sink in { sink.output($0) } })
        } catch {
            return ProcessOutcome(output: "isolab: could not start the command: \(error)\n", exitStatus: 127,
                                  signal: nil, timedOut: false, interrupted: false, duration: 0)
        }
    }

    private func runTranscript(_ block: LabBlock, _ commands: [TranscriptCommand],
                               token: RunCancellation) -> AttemptResult {
        var results: [CommandResult] = []
        var captures: [String: String] = [:]
        for command in commands {
            if token.isCancelled { break }
            let outcome = run(command.command, environment: session.environment(with: captures, block: block.environment),
                              timeout: block.timeout, token: token)
            let lines = OutputCleaner.lines(outcome.output)
            let match = TranscriptMatcher.match(command.expected, lines)
            let ok = match.matched && outcome.exitStatus == command.expectedStatus && !outcome.timedOut
            let location = "\(lab.path):\(command.line)"
            results.append(CommandResult(
                command: command.command, line: command.line,
                expected: command.expected.map(\.text).joined(separator: "\n"),
                expectedStatus: Int(command.expectedStatus), actual: lines.joined(separator: "\n"),
                exitStatus: outcome.exitStatus, duration: outcome.duration, matched: ok,
                diff: ok ? nil : TranscriptDiff.render(command, actual: lines, status: outcome.exitStatus,
                                                      location: location),
                timedOut: outcome.timedOut))
            if ok {
                captures.merge(match.captures) { _, new in new }
                continue
            }
            if outcome.interrupted { results[results.count - 1].diff = nil }
            let (status, reason) = Self.failure(outcome, at: location, timeout: block.timeout,
                                                expected: command.expectedStatus, outputMatched: match.matched)
            return AttemptResult(status: status, commands: results, reason: reason, captures: [:],
                                 score: 0, measure: nil)
        }
        return AttemptResult(status: .passed, commands: results, reason: nil, captures: captures,
                             score: block.points, measure: nil)
    }

    private func runScript(_ block: LabBlock, _ script: String, token: RunCancellation) -> AttemptResult {
        let outcome = run(script, environment: session.environment(block: block.environment), timeout: block.timeout, token: token)
        let actual = OutputCleaner.lines(outcome.output).joined(separator: "\n")
        let command = CommandResult(command: script, line: block.location.line + 1,
                                    expected: nil, expectedStatus: nil, actual: actual,
                                    exitStatus: outcome.exitStatus, duration: outcome.duration,
                                    matched: outcome.exitStatus == 0 && !outcome.timedOut, diff: nil,
                                    timedOut: outcome.timedOut)
        let location = "\(lab.path):\(block.location.line)"
        if outcome.timedOut || outcome.interrupted {
            let (status, reason) = Self.failure(outcome, at: location, timeout: block.timeout, expected: nil)
            return AttemptResult(status: status, commands: [command], reason: reason, captures: [:], score: 0, measure: nil)
        }
        let verdict = ScriptVerdict(output: outcome.output)
        if let signal = outcome.signal {
            // A crash scores nothing, whatever it printed before.
            return AttemptResult(status: .failed, commands: [command],
                                 reason: .killedBySignal(at: location, signal: signal, failLines: verdict.failLines),
                                 captures: [:], score: 0, measure: nil)
        }
        let failLines = BlockReason.failLines(verdict.failLines)
        let exitReason = BlockReason.exitStatus(at: location, status: outcome.exitStatus, expected: nil)
        if block.kind == .check {
            guard let score = verdict.score(points: block.points, exitStatus: outcome.exitStatus) else {
                return AttemptResult(status: .failed, commands: [command],
                                     reason: .scoreOutOfRange(at: location, score: verdict.score ?? 0, points: block.points,
                                                              failLines: verdict.failLines),
                                     captures: [:], score: 0, measure: nil)
            }
            let passed = score == block.points
            let reason = failLines ?? (verdict.score != nil ? .partialScore(scored: score, of: block.points) : exitReason)
            return AttemptResult(status: passed ? .passed : .failed, commands: [command],
                                 reason: passed ? nil : reason, captures: [:], score: score, measure: nil)
        }
        let passed = outcome.exitStatus == 0
        return AttemptResult(status: passed ? .passed : .failed, commands: [command],
                             reason: passed ? nil : failLines ?? exitReason, captures: [:], score: 0, measure: nil)
    }

    /// Why a command that did not succeed failed, and the status that gives its block: an
    /// interrupt is isolab's (`error`), a timeout `timed_out`, a wrong exit status or output the
    /// learner's (`failed`). `expected` is the status a transcript's `[N]` asked for.
    static func failure(_ outcome: ProcessOutcome, at location: String, timeout: Double, expected: Int32?,
                        outputMatched: Bool = true) -> (Status, BlockReason) {
        if outcome.interrupted { return (.error, .interrupted(at: location, cause: nil)) }
        if outcome.timedOut { return (.timedOut, .timedOut(at: location, after: timeout)) }
        if !outputMatched { return (.failed, .outputMismatch(at: location)) }
        return (.failed, .exitStatus(at: location, status: outcome.exitStatus, expected: expected))
    }

    // MARK: - Background

    /// Runs the block's leading commands in order, then starts its last one (or its script) and
    /// goes on; the started group runs until the runner stops the background jobs.
    private func startBackground(_ block: LabBlock, token: RunCancellation) -> AttemptResult {
        let (leading, failure) = runLeadingCommands(block, token: token)
        if let failure { return failure }
        guard let command = commandTexts(block).last else {
            return AttemptResult(status: .passed, commands: leading, reason: nil, captures: [:], score: 0, measure: nil)
        }
        let file = session.scratchFile("background-\(block.id).log")
        do {
            let process = try ShellProcess(command: command.text, environment: session.environment(block: block.environment),
                                           directory: session.workDirectory, output: .file(file),
                                           cancellation: token)
            live?.commandStarted(command.text, background: true)
            keepInBackground(BackgroundJob(blockID: block.id, process: process, outputFile: file,
                                           command: command.text, line: command.line))
        } catch {
            let result = CommandResult(command: command.text, line: command.line, expected: nil,
                                       expectedStatus: nil, actual: "\(error)", exitStatus: nil,
                                       duration: 0, matched: false, diff: nil, timedOut: false)
            return AttemptResult(status: .failed, commands: leading + [result],
                                 reason: .couldNotStart(at: "\(lab.path):\(command.line)", error: "\(error)"),
                                 captures: [:], score: 0, measure: nil)
        }
        return AttemptResult(status: .passed, commands: leading, reason: nil, captures: [:], score: 0, measure: nil)
    }

    func keepInBackground(_ job: BackgroundJob) {
        backgroundJobs.append(job)
    }

    /// A `background` or `measure` transcript's commands before its last one, run one after
    /// another, each under the block's timeout (they prepare what the last one uses). Their
    /// output is not matched; each must exit with its `[N]` (0 by default). Returns the commands
    /// that ran and, when one did not succeed, the failed attempt.
    func runLeadingCommands(_ block: LabBlock, token: RunCancellation) -> ([CommandResult], AttemptResult?) {
        guard case .transcript(let commands) = block.body, commands.count > 1 else { return ([], nil) }
        var results: [CommandResult] = []
        for command in commands.dropLast() {
            let outcome = run(command.command, environment: session.environment(block: block.environment), timeout: block.timeout,
                              token: token)
            let ok = outcome.exitStatus == command.expectedStatus && !outcome.timedOut
            results.append(CommandResult(command: command.command, line: command.line, expected: nil,
                                         expectedStatus: Int(command.expectedStatus),
                                         actual: OutputCleaner.lines(outcome.output).joined(separator: "\n"), exitStatus: outcome.exitStatus,
                                         duration: outcome.duration, matched: ok, diff: nil,
                                         timedOut: outcome.timedOut))
            if ok { continue }
            let (status, reason) = Self.failure(outcome, at: "\(lab.path):\(command.line)", timeout: block.timeout,
                                                expected: command.expectedStatus)
            return (results, AttemptResult(status: status, commands: results, reason: reason, captures: [:],
                                           score: 0, measure: nil))
        }
        return (results, nil)
    }

    /// Kills every background block's group; returns its commands' output per block id.
    func stopBackgroundJobs() -> [String: [CommandResult]] {
        var byBlock: [String: [CommandResult]] = [:]
        for job in backgroundJobs {
            let text = ShellProcess.readOutputFile(job.outputFile)
            let outcome = job.process.stop(output: OutputCleaner.lines(text).joined(separator: "\n"))
            byBlock[job.blockID, default: []].append(CommandResult(
                command: job.command, line: job.line, expected: nil, expectedStatus: nil,
                actual: outcome.output, exitStatus: outcome.exitStatus, duration: outcome.duration,
                matched: true, diff: nil, timedOut: false))
        }
        backgroundJobs.removeAll()
        return byBlock
    }

    /// The shell texts a block starts, with their lines: each `$` command, or the one script.
    func commandTexts(_ block: LabBlock) -> [(text: String, line: Int)] {
        switch block.body {
        case .transcript(let commands): return commands.map { ($0.command, $0.line) }
        case .script(let script): return [(script, block.location.line + 1)]
        }
    }
}
