import Foundation
import LabResults

/// Grades a class: one child process per submission (`isolab lab grade LAB --answers …`), `jobs`
/// at a time. A child of its own per learner keeps one broken or hostile submission from taking
/// the others with it: a crash, a hang or a runaway answer ends that child alone, and its lab
/// run removes its own namespace.
public final class BatchGrader: @unchecked Sendable {
    /// How one submission's grading ended.
    public struct Outcome: Sendable, Equatable {
        public var submission: Submission
        /// The child's exit status; nil when it was killed (its time ran out, or an interrupt).
        public var exitStatus: Int32?
        public var timedOut: Bool
        public var duration: Double
        /// What the child wrote for the submission (`collect`), read once when it ended; nil
        /// when there was nothing to read.
        public var results: RunResults? = nil
    }

    let jobs: Int
    let timeout: Double
    let cancellation: RunCancellation
    /// The child's argv for a submission.
    let command: (Submission) -> [String]
    /// Where a child's output goes.
    let logPath: (Submission) -> String
    /// Reads what a child wrote, once, as it ends: the progress line and the gradebook both
    /// use that one reading.
    let collect: (Submission) -> RunResults?
    let environment: [String: String]
    let directory: String

    /// After SIGTERM (its time is up, or the grader was interrupted), a child has this long to
    /// run its lab's cleanup before SIGKILL.
    static let grace: Double = 60

    /// Children running now: their process group and when they must stop.
    private let lock = NSLock()
    private var running: [pid_t: (deadline: Double, signalled: Bool)] = [:]
    private var timedOut: Set<pid_t> = []

    /// `cancellation` is the grader's interrupt: it is never handed to the children's processes
    /// (its cancel SIGKILLs what is registered with it, and a child killed that way could not
    /// remove its namespace); children get SIGTERM instead and clean up.
    public init(jobs: Int, timeout: Double, environment: [String: String], directory: String,
                cancellation: RunCancellation, command: @escaping (Submission) -> [String],
                logPath: @escaping (Submission) -> String,
                collect: @escaping (Submission) -> RunResults? = { _ in nil }) {
        self.jobs = max(1, jobs); self.timeout = timeout; self.environment = environment
        self.directory = directory; self.cancellation = cancellation
        self.command = command; self.logPath = logPath; self.collect = collect
    }

    /// Grades every submission; `finished` is called (one call at a time) as each one ends.
    /// Returns the outcomes in the submissions' order; a submission not started because of an
    /// interrupt has a nil exit status.
    public func run(_ submissions: [Submission], finished: @escaping (Outcome, _ done: Int) -> Void) -> [Outcome] {
        let queue = WorkQueue(count: submissions.count)
        let group = DispatchGroup()
        let supervisorStop = RunCancellation()
        let supervisor = Thread { [self] in supervise(until: supervisorStop) }
        supervisor.start()
        for _ in 0..<min(jobs, submissions.count) {
            group.enter()
            Thread.detachNewThread { [self] in
                defer { group.leave() }
                while let index = queue.take(unless: cancellation) {
                    var outcome = grade(submissions[index])
                    outcome.results = collect(submissions[index])
                    queue.finish(index, outcome) { done in finished(outcome, done) }
                }
            }
        }
        group.wait()
        supervisorStop.cancel()
        return queue.outcomes.enumerated().map { index, outcome in
            outcome ?? Outcome(submission: submissions[index], exitStatus: nil, timedOut: false, duration: 0)
        }
    }

    /// The submissions not yet started, and the outcomes so far, shared by the workers.
    private final class WorkQueue: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var done = 0
        private let count: Int
        private(set) var outcomes: [Outcome?]

        init(count: Int) {
            self.count = count
            outcomes = [Outcome?](repeating: nil, count: count)
        }

        /// The next submission to grade, or nil when none is left or the grader was interrupted.
        func take(unless cancellation: RunCancellation) -> Int? {
            lock.withLock {
                guard next < count, !cancellation.isCancelled else { return nil }
                next += 1
                return next - 1
            }
        }

        /// Records an outcome; `report` gets how many are done, one call at a time.
        func finish(_ index: Int, _ outcome: Outcome, report: (Int) -> Void) {
            lock.withLock {
                outcomes[index] = outcome
                done += 1
                report(done)
            }
        }
    }

    private func grade(_ submission: Submission) -> Outcome {
        let line = command(submission).map(ShellWord.quoted).joined(separator: " ")
        do {
            // `exec`: the child isolab leads the process group that SIGTERM goes to.
            let process = try ShellProcess(command: "exec " + line, environment: environment, directory: directory,
                                           output: .file(logPath(submission)), cancellation: RunCancellation())
            lock.withLock { running[process.pid] = (MonotonicClock.now() + timeout, false) }
            // The last resort, should a child ignore SIGTERM: ShellProcess's own SIGKILL.
            let outcome = process.wait(timeout: timeout + Self.grace)
            let late = lock.withLock { () -> Bool in
                running[process.pid] = nil
                return timedOut.remove(process.pid) != nil
            }
            return Outcome(submission: submission, exitStatus: outcome.exitStatus,
                           timedOut: late || outcome.timedOut, duration: outcome.duration)
        } catch {
            return Outcome(submission: submission, exitStatus: 127, timedOut: false, duration: 0)
        }
    }

    /// Every 100 ms: SIGTERM to the children whose time is up, and to all of them once the
    /// grader is interrupted.
    private func supervise(until stop: RunCancellation) {
        while !stop.isCancelled {
            let now = MonotonicClock.now()
            let interrupted = cancellation.isCancelled
            let due: [pid_t] = lock.withLock {
                var due: [pid_t] = []
                for (pid, child) in running where !child.signalled && (interrupted || now >= child.deadline) {
                    running[pid]?.signalled = true
                    if !interrupted { timedOut.insert(pid) }
                    due.append(pid)
                }
                return due
            }
            for pid in due { _ = killpg(pid, SIGTERM) }
            MonotonicClock.sleep(0.1)
        }
    }
}
