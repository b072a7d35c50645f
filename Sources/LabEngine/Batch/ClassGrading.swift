import Foundation
import LabFormat
import LabReports
import LabResults

/// `lab grade LAB --answers-dir DIR`'s grading: every submission graded by a child `isolab lab
/// grade LAB --answers …` of its own into `OUT/NAME.json` (its output in `OUT/NAME.log`), each
/// results file read once as its child ends, then one gradebook. A submission whose child could
/// not grade it (it died, or its time ran out) gets a results file saying so, every check at 0.
public struct ClassGrading {
    public let lab: Lab
    /// isolab's own executable, which the children run.
    public let isolab: String
    public let jobs: Int
    public let out: String

    public init(lab: Lab, isolab: String, jobs: Int, out: String) {
        self.lab = lab; self.isolab = isolab; self.jobs = jobs; self.out = out
    }

    /// A child's time: image preparation (the first debian build takes a minute) and a margin
    /// on top of the lab's own worst case.
    public var timeout: Double { lab.worstCaseDuration + 300 }

    public func resultsPath(_ submission: Submission) -> String { "\(out)/\(submission.learner).json" }
    public func logPath(_ submission: Submission) -> String { "\(out)/\(submission.learner).log" }

    /// The child's argv for a submission.
    func command(_ submission: Submission) -> [String] {
        [isolab, "lab", "grade", lab.path, "--answers", submission.answersPath, "--learner", submission.learner,
         "--json", resultsPath(submission)]
    }

    /// Grades `submissions` (`progress` hears of each as it ends) and writes the results of
    /// those no child graded. `environment` and `directory` are the children's.
    public func grade(_ submissions: [Submission], environment: [String: String], directory: String,
                      cancellation: RunCancellation, progress: ClassProgress) -> ClassResults {
        let grader = BatchGrader(
            jobs: jobs, timeout: timeout, environment: environment, directory: directory, cancellation: cancellation,
            command: command, logPath: logPath,
            // A missing or unreadable file is a submission no child graded; ClassResults says why.
            collect: { try? ReportFiles.readResults(resultsPath($0)) })
        let outcomes = grader.run(submissions) { outcome, done in progress.finished(outcome, done: done) }
        progress.end()
        let graded = ClassResults(outcomes, lab: lab, timeout: timeout, logPath: logPath)
        for (submission, results) in graded.ungraded {
            try? ReportFiles.write(try JSONReport.data(results), to: resultsPath(submission))
        }
        return graded
    }

    /// `OUT/gradebook.csv` and `OUT/gradebook.html` of `runs`.
    public func writeGradebook(_ runs: [RunResults]) throws {
        try ReportFiles.write(Gradebook.csv(runs), to: out + "/gradebook.csv")
        try ReportFiles.write(Gradebook.html(runs), to: out + "/gradebook.html")
    }
}
