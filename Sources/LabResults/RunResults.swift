import Foundation

/// What one `isolab lab run|grade` produced: every lab of the run, in the order they ran.
/// This is the contract between LabEngine (which fills it) and the reporters (which render it).
/// It is Codable; LabReports' `RunResults+Gradescope.swift` gives it Gradescope's top-level shape on disk.
public struct RunResults: Codable, Sendable, Equatable {
    public var tool: String              // "isolab 0.1.0"
    public var mode: RunMode
    public var learner: String?
    public var startedAt: Date
    public var finishedAt: Date
    public var host: HostFacts
    public var labs: [LabResult]

    public init(tool: String, mode: RunMode, learner: String?, startedAt: Date, finishedAt: Date,
                host: HostFacts, labs: [LabResult]) {
        self.tool = tool; self.mode = mode; self.learner = learner
        self.startedAt = startedAt; self.finishedAt = finishedAt; self.host = host; self.labs = labs
    }
}
