import Foundation
import LabFormat
import LabResults

extension BlockExecutor {
    /// Sampling rate and the warm-up left out of a `measure` block's mean.
    static let sampleInterval = 0.1
    static let warmUp = 0.5

    /// Runs the block's leading commands in order, starts its last one, samples the container's
    /// CPU at 10 Hz over the window (from when its CPU use first grows), then kills the started command's group (a killed
    /// `docker exec` takes its process inside the container with it) and judges the mean. A
    /// `background` measure block leaves its command running until the lab's last block.
    func measure(_ block: LabBlock, token: RunCancellation) -> AttemptResult {
        guard let spec = block.measure else {
            return AttemptResult(status: .error, commands: [], reason: .text("no measure spec"), captures: [:], score: 0, measure: nil)
        }
        let (leading, failure) = runLeadingCommands(block, token: token)
        // A cgroup's path may name captures and the variables every command gets (ISOLAB_NAMESPACE).
        let target: ResolvedTarget
        switch resolve(spec.target, environment: session.environment(block: block.environment)) {
        case .success(let resolved): target = resolved
        case .failure(let problem):
            return AttemptResult(status: .failed, commands: leading,
                                 reason: .text("\(lab.path):\(block.location.line): \(problem.message)"), captures: [:],
                                 score: 0, measure: nil)
        }
        if var failure {
            failure.measure = CPUMeasurement(container: target.container ?? "", cgroup: target.cgroup,
                                             window: spec.window,
                                             expectLow: spec.expectedCores?.lowerBound,
                                             expectHigh: spec.expectedCores?.upperBound, samples: [], meanCores: 0)
            return failure
        }
        var started: [(process: ShellProcess, file: String, text: String, line: Int)] = []
        var startError: BlockReason? = nil
        if let command = commandTexts(block).last {
            let file = session.scratchFile("measure-\(block.id).log")
            do {
                let process = try ShellProcess(command: command.text, environment: session.environment(block: block.environment),
                                               directory: session.workDirectory, output: .file(file),
                                               cancellation: token)
                live?.commandStarted(command.text, background: block.background)
                started.append((process, file, command.text, command.line))
            } catch {
                startError = .couldNotStart(at: "\(lab.path):\(command.line)", error: "\(error)")
            }
        }

        let t0 = MonotonicClock.now()
        var samples: [CPUSample] = []
        var previous: (t: Double, ns: UInt64)? = nil
        var firstKept: (t: Double, ns: UInt64)? = nil
        var last: (t: Double, ns: UInt64)? = nil
        var sampleError: String? = nil
        // The window starts when the measured work does: at the last sample before the target's CPU use
        // first grows. Starting a `docker exec` takes well over the warm-up on a slow or loaded host (1-2 s
        // in an emulated VM), and a window counted from the launch would average in that idle start. A
        // target that stays idle (or was busy from the first sample) is measured from the launch, after
        // waiting one window for activity.
        var origin: Double? = nil
        var tick = t0
        while startError == nil, !token.isCancelled {
            let t = MonotonicClock.now() - t0
            if t > (origin ?? spec.window) + spec.window { break }
            do {
                let ns = try target.cgroup.map { try host.cpuUsageNanos(cgroup: $0) }
                    ?? host.cpuUsageNanos(container: target.container ?? "", namespace: session.namespace)
                if origin == nil, let p = previous, ns > p.ns || t >= spec.window {
                    origin = ns > p.ns ? p.t : 0
                }
                if let p = previous, let origin, p.t >= origin + BlockExecutor.warmUp, ns >= p.ns, t > p.t {
                    let sample = CPUSample(t: t, cores: Double(ns - p.ns) / 1e9 / (t - p.t))
                    samples.append(sample)
                    live?.cpuSample(sample, window: spec.window, expected: spec.expectedCores)
                    if firstKept == nil { firstKept = p }
                    last = (t, ns)
                }
                previous = (t, ns)
            } catch {
                sampleError = "reading the CPU use of \(target.subject): \(error)"
                previous = nil
            }
            tick += BlockExecutor.sampleInterval
            MonotonicClock.sleep(tick - MonotonicClock.now())
        }

        var commands: [CommandResult] = leading
        for entry in started where block.background {
            // Its output is collected when the background jobs stop, before cleanup.
            keepInBackground(BackgroundJob(blockID: block.id, process: entry.process, outputFile: entry.file,
                                           command: entry.text, line: entry.line))
        }
        for entry in started where !block.background {
            let text = ShellProcess.readOutputFile(entry.file)
            let outcome = entry.process.stop(output: OutputCleaner.lines(text).joined(separator: "\n"))
            commands.append(CommandResult(command: entry.text, line: entry.line, expected: nil, expectedStatus: nil,
                                          actual: outcome.output, exitStatus: outcome.exitStatus,
                                          duration: outcome.duration, matched: true, diff: nil, timedOut: false))
        }

        var mean = 0.0
        if let a = firstKept, let b = last, b.t > a.t { mean = Double(b.ns - a.ns) / 1e9 / (b.t - a.t) }
        let measurement = CPUMeasurement(container: target.container ?? "", cgroup: target.cgroup, window: spec.window,
                                      expectLow: spec.expectedCores?.lowerBound,
                                      expectHigh: spec.expectedCores?.upperBound,
                                      samples: samples, meanCores: mean)
        let location = "\(lab.path):\(block.location.line)"
        if token.isCancelled {
            // The window was cut short: the mean of what was sampled judges nothing.
            return AttemptResult(status: .error, commands: commands, reason: .interrupted(at: location, cause: nil),
                                 captures: [:], score: 0, measure: measurement)
        }
        if let startError {
            return AttemptResult(status: .failed, commands: commands, reason: startError, captures: [:],
                                 score: 0, measure: measurement)
        }
        if samples.isEmpty {
            return AttemptResult(status: .failed, commands: commands,
                                 reason: .noCPUSamples(at: location, subject: target.subject, error: sampleError),
                                 captures: [:], score: 0, measure: measurement)
        }
        if let range = spec.expectedCores, !range.contains(mean) {
            return AttemptResult(status: .failed, commands: commands,
                                 reason: .cpuOutOfRange(at: location, subject: target.subject, mean: mean, expected: range,
                                                        earlyExits: commands.filter { $0.exitStatus != nil }),
                                 captures: [:], score: 0, measure: measurement)
        }
        return AttemptResult(status: .passed, commands: commands, reason: nil, captures: [:],
                             score: block.points, measure: measurement)
    }
}

extension BlockExecutor {
    /// A measure target with captures expanded: a container's name, or a cgroup path checked again.
    struct ResolvedTarget {
        var container: String?
        var cgroup: String?
        /// "container NAME" or "cgroup PATH", for messages.
        var subject: String { cgroup.map { "cgroup \($0)" } ?? "container \(container ?? "")" }
    }

    func resolve(_ target: MeasureTarget, environment: [String: String]) -> Result<ResolvedTarget, CgroupMeasurePath.ExpansionError> {
        switch target {
        case .container(let name):
            return .success(ResolvedTarget(container: name, cgroup: nil))
        case .cgroup(let written):
            return CgroupMeasurePath.expand(written, environment).flatMap { path in
                if let problem = CgroupMeasurePath.problem(path) {
                    return .failure(CgroupMeasurePath.ExpansionError(message: "measure=cgroup:\(path): the path \(problem)"))
                }
                return .success(ResolvedTarget(container: nil, cgroup: path))
            }
        }
    }
}
