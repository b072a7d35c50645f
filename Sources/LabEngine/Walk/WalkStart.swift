import Foundation
import LabFormat

/// How a `lab walk` of a file begins, and each lab of `lab serve` (as `--resume`): where its
/// progress and results are kept, the progress to go on from (`--resume`, `--reset`) or a fresh
/// one, and the namespace its containers live in: the learner's ISOLAB_NAMESPACE when set (the
/// walk then never removes it), else one of the walk's own, named after the lab's path, which
/// `--reset` and a finished walk remove.
public struct WalkStart {
    public let progressFile: String
    public let resultsFile: String
    public private(set) var progress: WalkProgress
    /// Said before the walk starts: `error` ones on standard error (a progress file that could
    /// not be read), the others on standard output (an earlier walk that is not resumed).
    public private(set) var notices: [(error: Bool, text: String)] = []

    /// `environment` is isolab's own (HOME, ISOLAB_NAMESPACE).
    public init(file: String, resume: Bool, reset: Bool, environment: [String: String]) {
        self.init(file: file, resume: resume, reset: reset, home: environment["HOME"] ?? "/root", environment: environment)
    }

    /// `home` holds the progress (`lab serve` was given its own); `environment` is isolab's
    /// (ISOLAB_NAMESPACE).
    public init(file: String, resume: Bool, reset: Bool, home: String, environment: [String: String]) {
        progressFile = WalkProgress.file(for: file, home: home)
        resultsFile = WalkProgress.resultsFile(for: file, home: home)
        progress = WalkProgress(labPath: file)
        if resume || reset {
            do {
                progress = try WalkProgress.load(from: progressFile) ?? progress
            } catch {
                notices.append((true, "isolab: reading \(progressFile): \(error); starting from the beginning"))
            }
        } else if FileManager.default.fileExists(atPath: progressFile) {
            notices.append((false, "An earlier walk of this lab was saved; starting over (--resume continues it)."))
        }
        if progress.namespace.isEmpty {
            if let mine = environment["ISOLAB_NAMESPACE"], !mine.isEmpty {
                progress.namespace = mine
                progress.ownsNamespace = false
            } else {
                progress.namespace = WalkProgress.namespace(for: file)
                progress.ownsNamespace = true
            }
        }
    }

    /// The engine's options for this walk: every command sees the walk's namespace.
    public func options(keep: Bool, dockerExecutable: String?, environment: [String: String]) -> LabRunOptions {
        var env = environment
        env["ISOLAB_NAMESPACE"] = progress.namespace
        return LabRunOptions(mode: .walk, keep: keep, dockerExecutable: dockerExecutable, environment: env)
    }

    /// The walk's driver over `host`: the walk's namespace, whether it owns it, its progress
    /// and results files; the closures as `LabWalkDriver` takes them.
    public func driver(lab: Lab, host: ContainerHost, options: LabRunOptions,
                       suspendTerminal: @escaping () -> Void = {}, resumeTerminal: @escaping () -> Void = {},
                       blockStarts: @escaping () -> Void = {}, blockEnds: @escaping () -> Void = {}) throws -> LabWalkDriver {
        try LabWalkDriver(lab: lab, host: host, options: options, ownsNamespace: progress.ownsNamespace,
                          progressFile: progressFile, resultsFile: resultsFile,
                          suspendTerminal: suspendTerminal, resumeTerminal: resumeTerminal,
                          blockStarts: blockStarts, blockEnds: blockEnds)
    }

    /// Gives `stepper` what the progress remembers of the session: the captures, and the
    /// failures per check (the Nth failure of a check shows its Nth hint, across a quit and a
    /// resume too). Not before `--reset`, whose cleanup blocks run without the captures.
    public func restore(into stepper: LabStepper) {
        stepper.restore(captures: progress.captures)
        stepper.restore(failures: progress.failures)
    }

    /// `--reset`: the lab's containers (its cleanup blocks, and the namespace the walk made) and
    /// the saved progress and results go. Returns what went wrong (one line each) and what is
    /// still there; the walk's exit status is 1 when anything went wrong.
    public func reset(_ driver: LabWalkDriver) -> (problems: [String], left: [String]) {
        var problems: [String] = []
        for result in driver.removeContainers() where result.status != .passed {
            problems.append("isolab: \(result.id): \(result.message ?? "failed")")
        }
        for path in [progressFile, resultsFile] where FileManager.default.fileExists(atPath: path) {
            do { try FileManager.default.removeItem(atPath: path) } catch {
                problems.append("isolab: removing \(path): \(error)")
            }
        }
        return (problems, driver.containerNames())
    }
}
