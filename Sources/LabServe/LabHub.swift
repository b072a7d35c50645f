import Foundation
import LabEngine
import LabFormat
import LabReports
import LabResults

/// One lab as the server holds it: its walk driver (the same namespace, progress and results
/// files as `lab walk`), one block running at a time on a thread of its own (the engine is
/// synchronous), and the pages listening for what happens.
final class LabHub: @unchecked Sendable {
    /// The page offers a check's solution after its first failure (the walk waits for two:
    /// there, the learner asks for it with a key, here a link appears).
    static let failuresBeforeSolution = 1
    let index: Int
    let lab: Lab
    let document: WalkDocument
    let driver: LabWalkDriver
    private let lock = NSLock()
    private var progress: WalkProgress
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]
    private let queue: DispatchQueue
    private var busy = false
    private var setupDone = false
    private var busyBlock: String?
    private let live = HubLiveOutput()

    init(index: Int, lab: Lab, host: ContainerHost, configuration: ServeConfiguration) throws {
        self.index = index; self.lab = lab
        document = WalkDocument(lab: lab)
        queue = DispatchQueue(label: "isolab.serve.lab\(index)")
        // The same files and namespace as `lab walk --resume`. A progress file that cannot be
        // read starts the lab afresh, as the walk does; the walk's notice of it goes unsaid,
        // there being no page yet to say it on.
        let start = WalkStart(file: lab.path, resume: true, reset: false, home: configuration.home,
                              environment: configuration.environment)
        progress = start.progress
        driver = try start.driver(lab: lab, host: host,
                                  options: start.options(keep: false, dockerExecutable: configuration.isolab,
                                                         environment: configuration.environment))
        start.restore(into: driver.stepper)
        live.hub = self
        driver.stepper.live = live
    }

    var namespace: String { driver.namespace }

    /// A snapshot of the progress.
    var current: WalkProgress { lock.withLock { progress } }

    /// The page's status for a block: passed, failed, running or pending.
    func status(of block: LabBlock) -> String {
        lock.withLock {
            if busyBlock == block.id { return "running" }
            if progress.done.contains(block.id) { return "passed" }
            if let last = progress.results.last(where: { $0.id == block.id }) {
                return last.status == .skipped ? "skipped" : "failed"
            }
            return "pending"
        }
    }

    /// Points scored and possible, and how many steps are done.
    func totals() -> (done: Int, total: Int, score: Double, maxScore: Double) {
        lock.withLock {
            let checks = document.blocks.filter { $0.kind == .check }
            return (document.blocks.filter { progress.done.contains($0.id) }.count, document.blocks.count,
                    checks.reduce(0) { $0 + (progress.scores[$1.id] ?? 0) }, checks.reduce(0) { $0 + $1.points })
        }
    }

    // MARK: - Listeners

    func subscribe() -> (UUID, AsyncStream<String>) {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(4096))
        lock.withLock { listeners[id] = continuation }
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) {
        let continuation = lock.withLock { listeners.removeValue(forKey: id) }
        continuation?.finish()
    }

    func broadcast(_ event: ServeEvent) {
        let text = event.json
        for continuation in lock.withLock({ Array(listeners.values) }) { continuation.yield(text) }
    }

    // MARK: - Actions from a page

    /// `run` a step or `check` an exercise (both run the block: the check's solution never),
    /// or reveal a check's `solution`. One block at a time: a second request while one runs is
    /// refused with a notice.
    func perform(action: String, step id: String) {
        guard let block = document.blocks.first(where: { $0.id == id }) else {
            broadcast(.notice("No step \(id) in this lab."))
            return
        }
        switch action {
        case "solution":
            let lines: [String]? = lock.withLock {
                guard progress.canRevealSolution(block, in: lab, afterFailures: Self.failuresBeforeSolution) else { return nil }
                return progress.revealSolution(block, in: lab)
            }
            guard let lines else {
                broadcast(.notice("The solution of \(id) opens after a failed check."))
                return
            }
            save()
            broadcast(.solution(step: id, lines: lines))
        case "run", "check":
            let started: Bool = lock.withLock {
                guard !busy else { return false }
                busy = true
                busyBlock = id
                return true
            }
            guard started else {
                broadcast(.notice("Another step is running; wait for it to end."))
                return
            }
            queue.async { [self] in runBlock(block) }
        default:
            broadcast(.notice("Unknown action \(action)."))
        }
    }

    private func runBlock(_ block: LabBlock) {
        defer { lock.withLock { busy = false; busyBlock = nil } }
        runSetupOnce()
        broadcast(.status(step: block.id, status: "running"))
        live.step = block.id
        let result = driver.run(block)
        live.flush()
        let reveal = lock.withLock { () -> Bool in
            progress.apply(result, of: block)
            return progress.canRevealSolution(block, in: lab, afterFailures: Self.failuresBeforeSolution)
        }
        save()
        let status = result.status == .passed ? "passed" : result.status == .skipped ? "skipped" : "failed"
        broadcast(.result(step: block.id, status: status, score: result.score, maxScore: result.maxScore,
                          html: ServePage.resultHTML(result), canRevealSolution: reveal))
        let t = self.totals()
        broadcast(.progress(done: t.done, total: t.total, score: t.score, maxScore: t.maxScore))
    }

    /// The lab's setup blocks, once, unseen, before the first block a page runs (as `lab walk`
    /// does at its start); the progress remembers them across restarts.
    private func runSetupOnce() {
        guard !lock.withLock({ setupDone }) else { return }
        for block in lab.blocks where block.kind == .setup && !lock.withLock({ progress.done.contains(block.id) }) {
            let result = driver.run(block)
            lock.withLock { progress.apply(result, of: block) }
            if result.status != .passed { broadcast(.notice("The lab's setup (\(block.id)) failed: \(result.message ?? "")")) }
        }
        lock.withLock { setupDone = true }
        save()
    }

    private func save() {
        let snapshot = lock.withLock { progress }
        driver.save(snapshot)
        _ = driver.writeResults(snapshot)
    }

    /// The results so far, as `lab run` writes them (for the report).
    func results() -> RunResults { driver.results(current) }

    /// Runs the cleanup blocks (and removes the namespace the walk made); the progress is kept.
    func removeContainers() -> [BlockResult] {
        queue.sync { driver.removeContainers() }
    }

    func containerNames() -> [String] { driver.containerNames() }

    /// Stops background blocks and removes the scratch folder.
    func finish() {
        for continuation in lock.withLock({ Array(listeners.values) }) { continuation.finish() }
        queue.sync { driver.finish() }
    }
}
