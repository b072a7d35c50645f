import Foundation
import LabEngine
import LabFormat
import LabReports
import LabResults

/// `lab grade LAB --answers-dir DIR`: every submission graded by a child `isolab lab grade LAB
/// --answers …` of its own, then one gradebook. A submission whose child could not grade it (it
/// died, or its time ran out) gets a results file saying so, every check at 0.
struct ClassGrading {
    let lab: String
    let directory: String
    let jobs: Int
    let out: String

    /// The exit status: 0 when every submission was graded (whatever its score), 1 otherwise,
    /// 2 when the lab itself is invalid.
    func run() throws -> Int32 {
        let parsed: Lab
        do {
            parsed = try LabParser.parse(file: lab)
        } catch {
            let problems = (error as? LabValidationError)?.diagnostics.map(\.description) ?? ["\(lab):1:1: \(error)"]
            for problem in problems { LabConsole.error(problem) }
            return 2
        }
        guard let isolab = LabEnvironment.selfExecutable() else {
            LabConsole.error("isolab: cannot find isolab's own executable (/proc/self/exe)")
            return 1
        }
        let set = try SubmissionSet(directory: directory)
        for problem in set.problems { LabConsole.error("isolab: passed over \(ClassProgress.printable(problem))") }
        guard !set.submissions.isEmpty else {
            LabConsole.error("isolab: \(directory): no submissions (DIR/NAME/answers.md or DIR/NAME.md)")
            return 1
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)

        var environment = ProcessInfo.processInfo.environment
        environment["ISOLAB_NAMESPACE"] = nil
        let cancellation = RunCancellation()
        let signals = InterruptHandler(cancellation: cancellation)
        defer { signals.uninstall() }
        let progress = ClassProgress(total: set.submissions.count, jobs: jobs)
        // Image preparation (the first debian build takes a minute) and a margin on top of the
        // lab's own worst case.
        let timeout = parsed.worstCaseDuration + 300
        let grader = BatchGrader(
            jobs: jobs, timeout: timeout, environment: environment,
            directory: FileManager.default.currentDirectoryPath, cancellation: cancellation,
            command: { submission in
                [isolab, "lab", "grade", lab, "--answers", submission.answersPath, "--learner", submission.learner,
                 "--json", resultsPath(submission)]
            },
            logPath: { logPath($0) })
        let outcomes = grader.run(set.submissions) { outcome, done in
            progress.finished(outcome, results: try? ReportFiles.readResults(resultsPath(outcome.submission)), done: done)
        }
        progress.end()

        let graded = ClassResults(outcomes, lab: parsed, timeout: timeout,
                                  read: { try? ReportFiles.readResults(resultsPath($0)) }, logPath: { logPath($0) })
        for (submission, results) in graded.ungraded {
            try? ReportFiles.write(try JSONReport.data(results), to: resultsPath(submission))
        }
        let runs = graded.runs
        print(Gradebook.text(runs), terminator: "")
        try ReportFiles.write(Gradebook.csv(runs), to: out + "/gradebook.csv")
        try ReportFiles.write(Gradebook.html(runs), to: out + "/gradebook.html")
        LabConsole.out("Results: \(out)/NAME.json · gradebook: \(out)/gradebook.csv, \(out)/gradebook.html")
        if cancellation.isCancelled { return 130 }
        return graded.ungraded.isEmpty ? 0 : 1
    }

    func resultsPath(_ submission: Submission) -> String { "\(out)/\(submission.learner).json" }
    func logPath(_ submission: Submission) -> String { "\(out)/\(submission.learner).log" }
}
