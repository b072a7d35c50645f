import Foundation
import LabFormat
import LabReports

extension BlockExecutor {
    /// Sampling rate and the warm-up left out of a `measure` block's mean.
    static let sampleInterval = 0.1
    static let warmUp = 0.5

    /// Runs the block's leading commands in order, starts its last one, samples the container's
    /// CPU at 10 Hz over the window, then kills the started command's group (a killed
    /// `docker exec` takes its process inside the container with it) and judges the mean. A
    /// `background` measure block leaves its command running until the lab's last block.
    func measure(_ block: LabBlock, token: RunCancellation) -> AttemptResult {
        guard let spec = block.measure else {
            return AttemptResult(status: .error, commands: [], message: "no measure spec", captures: [:], score: 0, measure: nil)
        }
        let (leading, failure) = runLeadingCommands(block, token: token)
        if var failure {
            failure.measure = CPUMeasurement(container: spec.container, window: spec.window,
                                             expectLow: spec.expectedCores?.lowerBound,
                                             expectHigh: spec.expectedCores?.upperBound, samples: [], meanCores: 0)
            return failure
        }
        var started: [(process: ShellProcess, file: String, text: String, line: Int)] = []
        var startError: String? = nil
        if let command = commandTexts(block).last {
            let file = session.scratchFile("measure-\(block.id).log")
            do {
                let process = try ShellProcess(command: command.text, environment: session.environment(),
                                               directory: session.workDirectory, output: .file(file),
                                               cancellation: token)
                live?.commandStarted(command.text, background: true)
                started.append((process, file, command.text, command.line))
            } catch {
                startError = "\(lab.path):\(command.line): could not start: \(error)"
            }
        }

        let t0 = MonotonicClock.now()
        var samples: [CPUSample] = []
        var previous: (t: Double, ns: UInt64)? = nil
        var firstKept: (t: Double, ns: UInt64)? = nil
        var last: (t: Double, ns: UInt64)? = nil
        var sampleError: String? = nil
        var tick = t0
        while startError == nil, !token.isCancelled {
            let t = MonotonicClock.now() - t0
            if t > spec.window { break }
            do {
                let ns = try host.cpuUsageNanos(container: spec.container, namespace: session.namespace)
                if let p = previous, p.t >= BlockExecutor.warmUp, ns >= p.ns, t > p.t {
                    let sample = CPUSample(t: t, cores: Double(ns - p.ns) / 1e9 / (t - p.t))
                    samples.append(sample)
                    live?.cpuSample(sample, window: spec.window, expected: spec.expectedCores)
                    if firstKept == nil { firstKept = p }
                    last = (t, ns)
                }
                previous = (t, ns)
            } catch {
                sampleError = "reading the CPU use of container \(spec.container): \(error)"
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
            let text = (try? String(contentsOfFile: entry.file, encoding: .utf8)) ?? ""
            let outcome = entry.process.stop(output: OutputCleaner.lines(text).joined(separator: "\n"))
            commands.append(CommandResult(command: entry.text, line: entry.line, expected: nil, expectedStatus: nil,
                                          actual: outcome.output, exitStatus: outcome.exitStatus,
                                          duration: outcome.duration, matched: true, diff: nil, timedOut: false))
        }

        var mean = 0.0
        if let a = firstKept, let b = last, b.t > a.t { mean = Double(b.ns - a.ns) / 1e9 / (b.t - a.t) }
        let measurement = CPUMeasurement(container: spec.container, window: spec.window,
                                      expectLow: spec.expectedCores?.lowerBound,
                                      expectHigh: spec.expectedCores?.upperBound,
                                      samples: samples, meanCores: mean)
        let location = "\(lab.path):\(block.location.line)"
        if token.isCancelled {
            // The window was cut short: the mean of what was sampled judges nothing.
            return AttemptResult(status: .error, commands: commands, message: "\(location): interrupted",
                                 captures: [:], score: 0, measure: measurement)
        }
        if let startError {
            return AttemptResult(status: .failed, commands: commands, message: startError, captures: [:],
                                 score: 0, measure: measurement)
        }
        if samples.isEmpty {
            return AttemptResult(status: .failed, commands: commands,
                                 message: "\(location): no CPU samples of \(spec.container)"
                                    + (sampleError.map { ": " + $0 } ?? ""),
                                 captures: [:], score: 0, measure: measurement)
        }
        let meanText = String(format: "%.2f", mean)
        if let range = spec.expectedCores, !range.contains(mean) {
            let stopped = commands.filter { $0.exitStatus != nil }
            var message = "\(location): \(spec.container) used \(meanText) cores on average, expected "
                + String(format: "%.2f..%.2f", range.lowerBound, range.upperBound)
            for command in stopped {
                message += "\n`\(command.command)` exited early with status \(command.exitStatus ?? 0)"
                    + (command.actual.isEmpty ? "" : ": " + command.actual)
            }
            return AttemptResult(status: .failed, commands: commands, message: message, captures: [:],
                                 score: 0, measure: measurement)
        }
        return AttemptResult(status: .passed, commands: commands, message: nil, captures: [:],
                             score: block.points, measure: measurement)
    }
}
