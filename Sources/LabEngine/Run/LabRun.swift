import Foundation
import LabFormat
import LabResults

/// One lab's run inside a `LabRunner`: its blocks by phase, its namespace and session, the
/// results so far, and why later blocks stop (`stopReason`). `run()` goes setup → steps and
/// checks → background jobs stopped → cleanup → namespace removed; each step is a method.
final class LabRun {
    private let runner: LabRunner
    private let lab: Lab
    private let setup: [LabBlock], main: [LabBlock], cleanup: [LabBlock]
    private let namespace: String
    private let start = MonotonicClock.now()
    /// Results in run order, one per planned block (a skipped block too).
    private var blocks: [BlockResult] = []
    /// 1-based position of the current block among all planned blocks.
    private var index = 0
    /// Set once the steps must stop (fail-fast, an interrupt, missing images): every later
    /// non-cleanup block is skipped with this reason.
    private var stopReason: BlockReason?
    /// The lab-level error: images, interrupt, namespace removal.
    private var labError: String?
    /// Cleanup runs under a token of its own, so the first interrupt cannot stop it.
    private let cleanupToken = RunCancellation()

    init(runner: LabRunner, lab: Lab) {
        self.runner = runner; self.lab = lab
        (setup, main, cleanup) = runner.plan(lab)
        namespace = runner.namespace()
    }

    private var count: Int { setup.count + main.count + cleanup.count }
    private var options: LabRunOptions { runner.options }
    private var cancellation: RunCancellation { runner.cancellation }

    func run() -> LabResult {
        runner.observer?.labStarted(lab, namespace: namespace, blockCount: count)
        // A results file from the start: preparing the images may take a while.
        reportProgress(running: nil)
        if cancellation.isCancelled {
            skipAll(.interrupted(at: nil, cause: nil))
            return finish(error: runner.interruptedMessage())
        }
        if options.failFast, runner.failureSeen {
            skipAll(.afterEarlierFailure)
            return finish(error: nil)
        }
        let session: LabSession
        do {
            session = try LabSession(namespace: namespace, options: options)
        } catch {
            skipAll(.notRun)
            return finish(error: "\(error)")
        }
        defer { session.remove() }
        let executor = BlockExecutor(lab: lab, session: session, cancellation: cancellation, host: runner.host)

        prepareImages()
        runPhase(setup, executor, isCleanup: false)
        runPhase(main, executor, isCleanup: false)
        stopBackgroundJobs(executor)
        // A first interrupt ends the steps; a second one (an impatient Ctrl-C) ends cleanup too.
        cancellation.escalate(to: cleanupToken)
        runPhase(cleanup, executor, isCleanup: true)

        if cancellation.isCancelled { labError = runner.interruptedMessage() }
        removeNamespace()
        return finish(error: labError)
    }

    /// Before the first block of the run, in every mode (grade checks use the images too); the
    /// time counts against no block. Without them no block runs.
    private func prepareImages() {
        guard !runner.imagesPrepared else { return }
        do {
            try runner.host.prepareImages()
            runner.imagesPrepared = true
        } catch {
            labError = "preparing the built-in images: \(error)"
            stopReason = .imagesMissing
        }
    }

    private func runPhase(_ phase: [LabBlock], _ executor: BlockExecutor, isCleanup: Bool) {
        for block in phase {
            index += 1
            if !isCleanup, cancellation.isCancelled { stopReason = stopReason ?? .interrupted(at: nil, cause: nil) }
            if !isCleanup, let reason = stopReason {
                record(BlockExecutor.skipped(block, reason: reason))
                continue
            }
            // Graded from answers: a check whose answer is missing or did not finish scores 0
            // with the reason, and is not run (it could pass on what setup left).
            if block.kind == .check,
               let reason = AnswerBlock.unanswered(block, answers: options.answers, results: blocks) {
                record(BlockExecutor.unscored(block, reason: reason))
                continue
            }
            runner.observer?.blockStarted(block, lab: lab, index: index, count: count)
            reportProgress(running: block)
            let result = executor.execute(block, cancellation: isCleanup ? cleanupToken : nil)
            record(result)
            reportProgress(running: nil)
            // A failed block, setup included, fails the lab; later blocks still run (the
            // contract), unless --fail-fast.
            if !isCleanup, result.status != .passed, options.failFast {
                stopReason = block.kind == .setup ? .setupFailed(id: block.id) : .afterEarlierFailure
            }
        }
    }

    private func record(_ result: BlockResult) {
        blocks.append(result)
        runner.observer?.blockFinished(result, lab: lab, index: index, count: count)
    }

    private func skipAll(_ reason: BlockReason) {
        for block in setup + main + cleanup {
            index += 1
            record(BlockExecutor.skipped(block, reason: reason))
        }
    }

    /// Background blocks stop after the last block and before cleanup; their output joins
    /// their block's commands.
    private func stopBackgroundJobs(_ executor: BlockExecutor) {
        for (id, commands) in executor.stopBackgroundJobs() {
            if let i = blocks.firstIndex(where: { $0.id == id && $0.background }) { blocks[i].commands += commands }
        }
    }

    private func removeNamespace() {
        guard options.runsWholeLab, !options.keep else { return }
        do {
            try runner.host.removeNamespace(namespace)
        } catch {
            labError = (labError.map { $0 + "; " } ?? "") + "removing namespace \(namespace): \(error)"
        }
    }

    /// The run so far, with `running` (when given) as a block with status `running`.
    private func reportProgress(running: LabBlock?) {
        guard runner.onProgress != nil else { return }
        var shown = blocks
        if let running {
            var entry = BlockExecutor.skipped(running, reason: nil)
            entry.status = .running
            shown.append(entry)
        }
        runner.reportProgress(LabResult(path: lab.path, title: lab.title, markdown: lab.source, status: .running,
                                        error: nil, duration: MonotonicClock.now() - start, blocks: shown,
                                        namespace: namespace))
    }

    /// The lab's result: `error` when the lab itself failed, else failed when a block did,
    /// skipped when none ran.
    private func finish(error: String?) -> LabResult {
        var status: Status = .passed
        if blocks.contains(where: { $0.status.isFailure }) { status = .failed }
        if error != nil { status = .error }
        if count > 0, blocks.allSatisfy({ $0.status == .skipped }), error == nil { status = .skipped }
        if status != .passed { runner.failureSeen = true }
        let result = LabResult(path: lab.path, title: lab.title, markdown: lab.source, status: status,
                               error: error, duration: MonotonicClock.now() - start, blocks: blocks,
                               namespace: namespace)
        runner.observer?.labFinished(result, lab: lab)
        return result
    }
}
