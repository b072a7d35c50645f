import Foundation
import LabFormat
import LabResults

extension LabRunner {
    /// The result of a lab that could not run at all (an invalid file, no container runtime):
    /// status `error`, `error` saying why, the source for the reports, no blocks.
    public static func errorResult(path: String, source: String, error: String) -> LabResult {
        LabResult(path: path, title: (path as NSString).lastPathComponent, markdown: source, status: .error,
                  error: error, duration: 0, blocks: [], namespace: nil)
    }

    /// The result of a valid lab that was not run because of another problem (`reason`): every
    /// block skipped.
    public static func notRunResult(_ lab: Lab, reason: String) -> LabResult {
        LabResult(path: lab.path, title: lab.title, markdown: lab.source, status: .skipped, error: nil,
                  duration: 0, blocks: lab.blocks.map { BlockExecutor.skipped($0, reason: .text(reason)) }, namespace: nil)
    }

    /// Results of a run that did not start, so reports are still written; `host` gives the
    /// cgroup version when there is one.
    public static func results(_ labs: [LabResult], options: LabRunOptions, host: ContainerHost?) -> RunResults {
        let now = Date()
        return RunResults(tool: options.toolName, mode: options.mode, learner: options.learner, startedAt: now,
                          finishedAt: now, host: HostFactsReader.read(cgroupVersion: host?.cgroupDescription() ?? "unknown"),
                          labs: labs)
    }
}

extension LabRunner {
    /// The result of a lab graded from answers that could not be used (an invalid answers file,
    /// a grading process that died): every check scores 0 with `reason`, so the learner's row in
    /// a gradebook still has the lab's columns, and the lab's error says why.
    public static func unscoredResult(_ lab: Lab, reason: String) -> LabResult {
        LabResult(path: lab.path, title: lab.title, markdown: lab.source, status: .error, error: reason,
                  duration: 0, blocks: lab.blocks.filter { $0.kind == .check }.map { BlockExecutor.unscored($0, reason: .text(reason)) },
                  namespace: nil)
    }
}
