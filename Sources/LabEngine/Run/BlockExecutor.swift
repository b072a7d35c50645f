import Foundation
import LabFormat
import LabReports

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
            if attempt.message?.contains("interrupted") != true {
                attempt.message = "interrupted" + (attempt.message.map { ": " + $0 } ?? "")
            }
        }
        return BlockResult(
            id: block.id, kind: BlockKind(block.kind), language: block.language,
            line: block.location.line, column: block.location.column, status: attempt.status,
            duration: MonotonicClock.now() - start, attempts: attempts, commands: attempt.commands,
            score: block.kind == .check ? attempt.score : 0, maxScore: block.kind == .check ? block.points : 0,
            message: attempt.message, hint: hint,
            background: block.background, measure: attempt.measure)
    }

    /// A result for a block that did not run.
    static func skipped(_ block: LabBlock, reason: String) -> BlockResult {
        BlockResult(id: block.id, kind: BlockKind(block.kind), language: block.language,
                    line: block.location.line, column: block.location.column, status: .skipped,
                    duration: 0, attempts: 0, commands: [], score: 0,
                    maxScore: block.kind == .check ? block.points : 0, message: reason, hint: nil,
                    background: block.background, measure: nil)
    }

    /// A check that was not run and scores 0 for `reason` (graded from answers: no answer, or
    /// an answer that timed out).
    static func unscored(_ block: LabBlock, reason: String) -> BlockResult {
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
            let outcome = run(command.command, environment: session.environment(with: captures),
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
            let reason: String
            let status: Status
            if outcome.interrupted {
                results[results.count - 1].diff = nil
                status = .error
                reason = "\(location): interrupted"
            } else if outcome.timedOut {
                status = .timedOut
                reason = "\(location): timed out after \(Self.seconds(block.timeout)), killed"
            } else if match.matched {
                status = .failed
                reason = "\(location): exit status \(outcome.exitStatus.map(String.init) ?? "none"), expected \(command.expectedStatus)"
            } else {
                status = .failed
                reason = "\(location): output does not match"
            }
            return AttemptResult(status: status, commands: results, message: reason, captures: [:],
                                 score: 0, measure: nil)
        }
        return AttemptResult(status: .passed, commands: results, message: nil, captures: captures,
                             score: block.points, measure: nil)
    }

    private func runScript(_ block: LabBlock, _ script: String, token: RunCancellation) -> AttemptResult {
        let outcome = run(script, environment: session.environment(), timeout: block.timeout, token: token)
        let actual = OutputCleaner.lines(outcome.output).joined(separator: "\n")
        let command = CommandResult(command: script, line: block.location.line + 1,
                                    expected: nil, expectedStatus: nil, actual: actual,
                                    exitStatus: outcome.exitStatus, duration: outcome.duration,
                                    matched: outcome.exitStatus == 0 && !outcome.timedOut, diff: nil,
                                    timedOut: outcome.timedOut)
        let location = "\(lab.path):\(block.location.line)"
        if outcome.timedOut {
            return AttemptResult(status: .timedOut, commands: [command],
                                 message: "\(location): timed out after \(Self.seconds(block.timeout)), killed",
                                 captures: [:], score: 0, measure: nil)
        }
        if outcome.interrupted {
            return AttemptResult(status: .error, commands: [command], message: "\(location): interrupted",
                                 captures: [:], score: 0, measure: nil)
        }
        let verdict = ScriptVerdict(output: outcome.output)
        var message: String? = verdict.failLines.isEmpty ? nil : verdict.failLines.joined(separator: "\n")
        if let signal = outcome.signal, !outcome.interrupted {
            // A crash scores nothing, whatever it printed before.
            return AttemptResult(status: .failed, commands: [command],
                                 message: "\(location): the script was killed by signal \(signal)"
                                    + (message.map { "\n" + $0 } ?? ""),
                                 captures: [:], score: 0, measure: nil)
        }
        if block.kind == .check {
            let (score, problem) = verdict.score(points: block.points, exitStatus: outcome.exitStatus)
            let passed = score == block.points && problem == nil
            if let problem {
                message = "\(location): \(problem)" + (message.map { "\n" + $0 } ?? "")
            } else if !passed, message == nil {
                message = verdict.score != nil ? "scored \(ReportFormat.points(score)) of \(ReportFormat.points(block.points))"
                    : "\(location): exit status \(outcome.exitStatus.map(String.init) ?? "none")"
            }
            return AttemptResult(status: passed ? .passed : .failed, commands: [command],
                                 message: passed ? nil : message, captures: [:], score: score, measure: nil)
        }
        let passed = outcome.exitStatus == 0
        if !passed, message == nil {
            message = "\(location): exit status \(outcome.exitStatus.map(String.init) ?? "none")"
        }
        return AttemptResult(status: passed ? .passed : .failed, commands: [command],
                             message: passed ? nil : message, captures: [:], score: 0, measure: nil)
    }

    // MARK: - Background

    /// Runs the block's leading commands in order, then starts its last one (or its script) and
    /// goes on; the started group runs until the runner stops the background jobs.
    private func startBackground(_ block: LabBlock, token: RunCancellation) -> AttemptResult {
        let (leading, failure) = runLeadingCommands(block, token: token)
        if let failure { return failure }
        guard let command = commandTexts(block).last else {
            return AttemptResult(status: .passed, commands: leading, message: nil, captures: [:], score: 0, measure: nil)
        }
        let file = session.scratchFile("background-\(block.id).log")
        do {
            let process = try ShellProcess(command: command.text, environment: session.environment(),
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
                                 message: "\(lab.path):\(command.line): could not start: \(error)",
                                 captures: [:], score: 0, measure: nil)
        }
        return AttemptResult(status: .passed, commands: leading, message: nil, captures: [:], score: 0, measure: nil)
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
            let outcome = run(command.command, environment: session.environment(), timeout: block.timeout,
                              token: token)
            let ok = outcome.exitStatus == command.expectedStatus && !outcome.timedOut
            results.append(CommandResult(command: command.command, line: command.line, expected: nil,
                                         expectedStatus: Int(command.expectedStatus),
                                         actual: OutputCleaner.lines(outcome.output).joined(separator: "\n"), exitStatus: outcome.exitStatus,
                                         duration: outcome.duration, matched: ok, diff: nil,
                                         timedOut: outcome.timedOut))
            if ok { continue }
            let location = "\(lab.path):\(command.line)"
            let (status, reason): (Status, String) =
                outcome.interrupted ? (.error, "\(location): interrupted")
                : outcome.timedOut ? (.timedOut, "\(location): timed out after \(Self.seconds(block.timeout)), killed")
                : (.failed, "\(location): exit status \(outcome.exitStatus.map(String.init) ?? "none"), expected \(command.expectedStatus)")
            return (results, AttemptResult(status: status, commands: results, message: reason, captures: [:],
                                           score: 0, measure: nil))
        }
        return (results, nil)
    }

    /// Kills every background block's group; returns its commands' output per block id.
    func stopBackgroundJobs() -> [String: [CommandResult]] {
        var byBlock: [String: [CommandResult]] = [:]
        for job in backgroundJobs {
            let text = (try? String(contentsOfFile: job.outputFile, encoding: .utf8)) ?? ""
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

    /// A block's timeout as the lab might write it. Timeouts are range-checked by the parser;
    /// the guard keeps a `LabBlock` made some other way from trapping here.
    static func seconds(_ value: Double) -> String {
        guard value.isFinite, value >= 0, value < 1e12 else { return String(format: "%gs", value) }
        if value < 1 { return "\(Int((value * 1000).rounded()))ms" }
        return value == value.rounded() ? "\(Int(value))s" : String(format: "%.2fs", value)
    }
}
