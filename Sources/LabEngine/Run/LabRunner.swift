import Foundation
import LabFormat
import LabReports

/// Runs labs (`run`) or grades them (`grade`) and fills `RunResults`.
/// Synchronous: commands run one after another on the caller's thread; `cancellation` may be
/// triggered from any thread (a signal handler) to kill what runs and go to cleanup.
public final class LabRunner {
    let host: ContainerHost
    let options: LabRunOptions
    weak var observer: LabRunObserver?
    public let cancellation: RunCancellation
    private var imagesPrepared = false
    private var failureSeen = false
    /// Called with the results so far whenever a block starts or ends (the running block and
    /// its lab with status `running`), so a results file can be rewritten as the run goes and
    /// exists even when isolab is killed mid-way. Runs on the engine's thread.
    public var onProgress: ((RunResults) -> Void)?
    /// The labs finished so far and the run's start, for `onProgress`.
    private var finishedLabs: [LabResult] = []
    private var startedAt = Date()

    public init(host: ContainerHost, options: LabRunOptions, observer: LabRunObserver? = nil,
                cancellation: RunCancellation = RunCancellation()) {
        self.host = host; self.options = options; self.observer = observer; self.cancellation = cancellation
    }

    /// Runs every lab in order. Labs without the `only` block (when given) are left out.
    public func run(_ labs: [Lab]) -> RunResults {
        startedAt = Date()
        finishedLabs = []
        for lab in labs {
            if let only = options.only, lab.block(id: only) == nil { continue }
            finishedLabs.append(runLab(lab))
        }
        return results(finishedLabs)
    }

    private func results(_ labs: [LabResult]) -> RunResults {
        RunResults(tool: options.toolName, mode: options.mode, learner: options.learner,
                   startedAt: startedAt, finishedAt: Date(), host: HostFactsReader.read(host: host), labs: labs)
    }

    /// Reports the run so far: finished labs, then `lab` with `blocks` and, when given, the
    /// block running now (status `running`).
    private func reportProgress(_ lab: Lab, namespace: String, blocks: [BlockResult], running: LabBlock?,
                                start: Double) {
        guard let onProgress else { return }
        var shown = blocks
        if let running {
            var entry = BlockExecutor.skipped(running, reason: "running")
            entry.status = .running
            entry.message = nil
            shown.append(entry)
        }
        let current = LabResult(path: lab.path, title: lab.title, markdown: lab.source, status: .running,
                                error: nil, duration: MonotonicClock.now() - start, blocks: shown,
                                namespace: namespace)
        onProgress(results(finishedLabs + [current]))
    }

    /// The blocks a lab runs, in order, by phase.
    func plan(_ lab: Lab) -> (setup: [LabBlock], main: [LabBlock], cleanup: [LabBlock]) {
        let selected: (LabBlock) -> Bool = { block in self.options.only.map { block.id == $0 } ?? true }
        if !options.runsWholeLab {
            return ([], lab.blocks.filter { $0.kind == .check && selected($0) }, [])
        }
        var main: [LabBlock] = []
        for block in lab.blocks where (block.kind == .step || block.kind == .check) && selected(block) {
            if block.kind == .check {
                if let answers = options.answers {
                    main += answers[block.id].map { [AnswerBlock.block($0, for: block)] } ?? []
                } else {
                    main += lab.solutions(for: block.id)
                }
            }
            main.append(block)
        }
        return (lab.blocks.filter { $0.kind == .setup }, main, lab.blocks.filter { $0.kind == .cleanup })
    }

    func namespace() -> String {
        if options.runsWholeLab { return LabSession.freshNamespace() }
        return options.learnerNamespace
    }

    private func runLab(_ lab: Lab) -> LabResult {
        let start = MonotonicClock.now()
        let (setup, main, cleanup) = plan(lab)
        let all = setup + main + cleanup
        let namespace = self.namespace()
        var blocks: [BlockResult] = []
        func finish(_ error: String?, namespace: String?) -> LabResult {
            var status: Status = .passed
            if blocks.contains(where: { [.failed, .timedOut, .error].contains($0.status) }) { status = .failed }
            if error != nil { status = .error }
            if !all.isEmpty, blocks.allSatisfy({ $0.status == .skipped }), error == nil { status = .skipped }
            if status != .passed { failureSeen = true }
            let result = LabResult(path: lab.path, title: lab.title, markdown: lab.source, status: status,
                                   error: error, duration: MonotonicClock.now() - start, blocks: blocks,
                                   namespace: namespace)
            observer?.labFinished(result, lab: lab)
            return result
        }
        func skipAll(_ reason: String) {
            for (i, block) in all.enumerated() {
                let result = BlockExecutor.skipped(block, reason: reason)
                blocks.append(result)
                observer?.blockFinished(result, lab: lab, index: i + 1, count: all.count)
            }
        }

        observer?.labStarted(lab, namespace: namespace, blockCount: all.count)
        // A results file from the start: preparing the images may take a while.
        reportProgress(lab, namespace: namespace, blocks: [], running: nil, start: start)
        if cancellation.isCancelled {
            skipAll("interrupted")
            return finish(interruptedMessage(), namespace: namespace)
        }
        if options.failFast, failureSeen {
            skipAll("skipped after an earlier failure (--fail-fast)")
            return finish(nil, namespace: namespace)
        }
        let session: LabSession
        do {
            session = try LabSession(namespace: namespace, options: options)
        } catch {
            skipAll("not run")
            return finish("\(error)", namespace: namespace)
        }
        defer { session.remove() }
        let executor = BlockExecutor(lab: lab, session: session, cancellation: cancellation, host: host)

        var labError: String? = nil
        // Before the first block, in every mode (grade checks use the images too); the time
        // counts against no block.
        if !imagesPrepared {
            do {
                try host.prepareImages()
                imagesPrepared = true
            } catch {
                labError = "preparing the built-in images: \(error)"
            }
        }

        var index = 0
        var stopReason: String? = labError == nil ? nil : "not run: the images are missing"
        let cleanupToken = RunCancellation()
        func runPhase(_ phase: [LabBlock], isCleanup: Bool) {
            for block in phase {
                index += 1
                if !isCleanup, cancellation.isCancelled { stopReason = stopReason ?? "interrupted" }
                if !isCleanup, let reason = stopReason {
                    let result = BlockExecutor.skipped(block, reason: reason)
                    blocks.append(result)
                    observer?.blockFinished(result, lab: lab, index: index, count: all.count)
                    continue
                }
                // Graded from answers: a check whose answer is missing or did not finish scores
                // 0 with the reason, and is not run (it could pass on what setup left).
                if block.kind == .check, let reason = AnswerBlock.unanswered(block, answers: options.answers,
                                                                              results: blocks) {
                    let result = BlockExecutor.unscored(block, reason: reason)
                    blocks.append(result)
                    observer?.blockFinished(result, lab: lab, index: index, count: all.count)
                    continue
                }
                observer?.blockStarted(block, lab: lab, index: index, count: all.count)
                reportProgress(lab, namespace: namespace, blocks: blocks, running: block, start: start)
                // Cleanup must run even after an interrupt, so it gets a token of its own.
                let result = executor.execute(block, cancellation: isCleanup ? cleanupToken : nil)
                blocks.append(result)
                observer?.blockFinished(result, lab: lab, index: index, count: all.count)
                reportProgress(lab, namespace: namespace, blocks: blocks, running: nil, start: start)
                // A failed block, setup included, fails the lab; later blocks still run (the
                // contract), unless --fail-fast.
                guard !isCleanup, result.status != .passed else { continue }
                if options.failFast {
                    stopReason = block.kind == .setup ? "not run: setup block \(block.id) failed (--fail-fast)"
                        : "skipped after an earlier failure (--fail-fast)"
                }
            }
        }
        runPhase(setup, isCleanup: false)
        runPhase(main, isCleanup: false)

        // Background blocks stop after the last block and before cleanup.
        for (id, commands) in executor.stopBackgroundJobs() {
            if let i = blocks.firstIndex(where: { $0.id == id && $0.background }) { blocks[i].commands += commands }
        }
        // A first interrupt ends the steps; a second one (an impatient Ctrl-C) ends cleanup too.
        cancellation.escalate(to: cleanupToken)
        runPhase(cleanup, isCleanup: true)

        if cancellation.isCancelled { labError = interruptedMessage() }
        if options.runsWholeLab, !options.keep {
            do {
                try host.removeNamespace(namespace)
            } catch {
                labError = (labError.map { $0 + "; " } ?? "") + "removing namespace \(namespace): \(error)"
            }
        }
        return finish(labError, namespace: namespace)
    }

    private func interruptedMessage() -> String {
        if let signal = cancellation.signal { return "interrupted by \(signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)")" }
        return "interrupted"
    }
}
