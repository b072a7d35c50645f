import IsolabVersion
import LabFormat
import LabResults

/// How `LabRunner` runs labs.
public struct LabRunOptions: Sendable {
    /// `run` (setup, steps, checks with their solutions, cleanup, in a fresh namespace) or
    /// `grade` (only checks, in the learner's namespace, removing nothing).
    public var mode: RunMode
    /// Run only this block (with setup, its solutions and cleanup).
    public var only: String?
    /// After the first failure, skip every later block (cleanup still runs).
    public var failFast: Bool
    /// Keep the run's namespace (and its containers) at the end.
    public var keep: Bool
    /// The executable `docker` names inside steps (isolab itself); nil leaves PATH's own.
    public var dockerExecutable: String?
    /// The environment isolab was started with (PATH, HOME, ISOLAB_* come from it).
    public var environment: [String: String]
    /// Written into the results (`grade --learner`).
    public var learner: String?
    /// `isolab 0.1.0`: the `tool` of the results.
    public var toolName: String
    /// `grade --answers`: the learner's answers by check id. The lab then runs as `run` runs it
    /// (fresh namespace, setup, steps, cleanup), each answer in place of its check's solutions;
    /// a check without an answer is not run and scores 0.
    public var answers: [String: LabAnswer]?

    public init(mode: RunMode = .run, only: String? = nil, failFast: Bool = false, keep: Bool = false,
                dockerExecutable: String? = nil, environment: [String: String] = [:], learner: String? = nil,
                toolName: String = IsolabVersion.toolName) {
        self.mode = mode; self.only = only; self.failFast = failFast; self.keep = keep
        self.dockerExecutable = dockerExecutable; self.environment = environment
        self.learner = learner; self.toolName = toolName
    }
}

extension LabRunOptions {
    /// Whether the whole lab runs in a namespace of its own (`run`, and `grade --answers`), as
    /// opposed to grading the learner's own namespace with the checks alone.
    var runsWholeLab: Bool { mode == .run || answers != nil }

    /// The learner's namespace for `grade` and `walk`: ISOLAB_NAMESPACE, else `default`, as the
    /// `docker` commands of the lab will see it.
    var learnerNamespace: String {
        environment["ISOLAB_NAMESPACE"].flatMap { $0.isEmpty ? nil : $0 } ?? "default"
    }
}
