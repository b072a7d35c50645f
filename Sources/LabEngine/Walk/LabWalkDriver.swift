import Foundation
import LabFormat
import LabReports
import LabResults

/// The walk's driver over real containers: blocks run through a `LabStepper` in the walk's
/// namespace, each under a cancellation token of its own (Ctrl-C stops that block, not the
/// walk); the learner's shell runs on the terminal; progress and results go to files.
public final class LabWalkDriver: WalkDriver {
    public let stepper: LabStepper
    let lab: Lab
    let host: ContainerHost
    let options: LabRunOptions
    let ownsNamespace: Bool
    let progressFile: String
    let resultsFile: String
    let startedAt = Date()
    /// Called around the learner's shell: give the terminal its normal mode, then take it back.
    let suspendTerminal: () -> Void
    let resumeTerminal: () -> Void
    /// Called around a block: Ctrl-C must reach the walk as SIGINT while a block runs.
    let blockStarts: () -> Void
    let blockEnds: () -> Void
    private let lock = NSLock()
    private var running: RunCancellation?

    public var namespace: String { stepper.namespace }

    /// - Parameters:
    ///   - options: `environment["ISOLAB_NAMESPACE"]` is the walk's namespace.
    public init(lab: Lab, host: ContainerHost, options: LabRunOptions, ownsNamespace: Bool,
                progressFile: String, resultsFile: String,
                suspendTerminal: @escaping () -> Void = {}, resumeTerminal: @escaping () -> Void = {},
                blockStarts: @escaping () -> Void = {}, blockEnds: @escaping () -> Void = {}) throws {
        self.lab = lab; self.host = host; self.options = options; self.ownsNamespace = ownsNamespace
        self.progressFile = progressFile; self.resultsFile = resultsFile
        self.suspendTerminal = suspendTerminal; self.resumeTerminal = resumeTerminal
        self.blockStarts = blockStarts; self.blockEnds = blockEnds
        stepper = try LabStepper(lab: lab, host: host, options: options)
    }

    /// Stops the running block, if one runs (from the signal thread); false when none does.
    public func interruptRunningBlock() -> Bool {
        lock.withLock {
            guard let running else { return false }
            running.cancel(signal: SIGINT)
            return true
        }
    }

    public func run(_ block: LabBlock) -> BlockResult {
        let token = RunCancellation()
        lock.withLock { running = token }
        // Hidden blocks (setup, solutions) run unseen, as on GitHub.
        let shown = stepper.live
        if block.hidden { stepper.live = nil }
        blockStarts()
        defer {
            blockEnds()
            stepper.live = shown
            lock.withLock { running = nil }
        }
        return stepper.run(block, cancellation: token)
    }

    public var exportLine: String {
        let quoted = ShellWord.quotedIfNeeded
        var line = "export PATH=\(quoted(stepper.binDirectory)):\"$PATH\" ISOLAB_NAMESPACE=\(quoted(namespace))"
        if let root = options.environment["ISOLAB_ROOT"], !root.isEmpty { line += " ISOLAB_ROOT=\(quoted(root))" }
        return line
    }

    public func openShell() -> String? {
        let shellPath = options.environment["SHELL"].flatMap { FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil } ?? "/bin/sh"
        let shell = InteractiveShell(shell: shellPath, environment: options.environment, namespace: namespace,
                                     binDirectory: stepper.binDirectory, scratch: stepper.scratchDirectory)
        suspendTerminal()
        defer { resumeTerminal() }
        do { try shell.run() } catch { return "\(error)" }
        return nil
    }

    public func containerNames() -> [String] {
        guard let text = stepper.query("docker ps -a --format '{{.Names}}'") else { return [] }
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.sorted()
    }

    public func removeContainers() -> [BlockResult] {
        stepper.stopBackground()
        let shown = stepper.live
        stepper.live = nil
        defer { stepper.live = shown }
        var results: [BlockResult] = []
        for block in lab.blocks where block.kind == .cleanup {
            results.append(stepper.runIgnoringCancellation(block))
        }
        if ownsNamespace {
            do {
                try host.removeNamespace(namespace)
            } catch {
                let reason = BlockReason.text("removing namespace \(namespace): \(error)")
                var failure = BlockExecutor.skipped(lab.blocks.first { $0.kind == .cleanup } ?? Self.placeholder, reason: reason)
                failure.status = .error
                results.append(failure)
            }
        }
        return results
    }

    /// A stand-in block for a failure that belongs to no block of the lab.
    static let placeholder = LabBlock(id: "namespace", kind: .cleanup, language: "", location: SourceLocation(line: 1, column: 1),
                                      hidden: true, body: .script(""), points: 0, timeout: 0, retry: nil,
                                      background: false, solutionFor: nil, hints: [], measure: nil)

    public func save(_ progress: WalkProgress) {
        var progress = progress
        progress.captures = stepper.captures
        do {
            try progress.save(to: progressFile)
        } catch {
            try? FileHandle.standardError.write(contentsOf: Data("isolab: saving \(progressFile): \(error)\r\n".utf8))
        }
    }

    public func forgetProgress() {
        try? FileManager.default.removeItem(atPath: progressFile)
    }

    /// The walk's results as `lab run` would give them, mode `walk`.
    public func results(_ progress: WalkProgress) -> RunResults {
        let blocks = progress.results
        var status: Status = blocks.isEmpty ? .skipped : .passed
        if blocks.contains(where: { $0.status.isFailure && !progress.done.contains($0.id) }) {
            status = .failed
        }
        let labResult = LabResult(path: lab.path, title: lab.title, markdown: lab.source, status: status, error: nil,
                                  duration: blocks.reduce(0) { $0 + $1.duration }, blocks: blocks, namespace: namespace)
        return RunResults(tool: options.toolName, mode: .walk, learner: options.learner, startedAt: startedAt,
                          finishedAt: Date(), host: HostFactsReader.read(host: host), labs: [labResult])
    }

    public func writeResults(_ progress: WalkProgress) -> String? {
        do {
            let folder = (resultsFile as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try ReportFiles.write(JSONReport.data(results(progress)), to: resultsFile)
            return resultsFile
        } catch {
            return nil
        }
    }

    public func writeHTML(_ progress: WalkProgress) -> Result<String, WalkDriverError> {
        let file = (resultsFile as NSString).deletingPathExtension.replacingOccurrences(of: ".results", with: "") + ".html"
        do {
            try ReportFiles.write(HTMLReport.html(results(progress)), to: file)
            return .success(file)
        } catch {
            return .failure(WalkDriverError("\(error)"))
        }
    }

    /// Stops background blocks and removes the scratch folder.
    public func finish() { stepper.finish() }
}
