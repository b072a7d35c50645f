import Foundation

/// How a `lab walk` of a file begins: where its progress and results are kept, the progress to
/// go on from (`--resume`, `--reset`) or a fresh one, and the namespace its containers live in:
/// the learner's ISOLAB_NAMESPACE when set (the walk then never removes it), else one of the
/// walk's own, named after the lab's path, which `--reset` and a finished walk remove.
public struct WalkStart {
    public let progressFile: String
    public let resultsFile: String
    public private(set) var progress: WalkProgress
    /// Said before the walk starts: `error` ones on standard error (a progress file that could
    /// not be read), the others on standard output (an earlier walk that is not resumed).
    public private(set) var notices: [(error: Bool, text: String)] = []

    /// `environment` is isolab's own (HOME, ISOLAB_NAMESPACE).
    public init(file: String, resume: Bool, reset: Bool, environment: [String: String]) {
        let home = environment["HOME"] ?? "/root"
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
