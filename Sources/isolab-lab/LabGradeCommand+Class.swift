import Foundation
import LabEngine
import LabFormat
import LabReports

extension LabGradeCommand {
    /// `--answers-dir`: the class graded by LabEngine's `ClassGrading`, with what only the
    /// command has around it: the lab's errors, the submissions folder's problems, the
    /// interrupt, the gradebook on stdout. The exit status: 0 when every submission was graded
    /// (whatever its score), 1 otherwise, 2 when the lab itself is invalid, 130 interrupted.
    func gradeClass(directory: String, jobs: Int, out: String) throws -> Int32 {
        let parsed: Lab
        switch LoadedLab.load(file: file) {
        case .valid(let lab):
            parsed = lab
        case .invalid(_, _, let problems):
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

        // Each child grades in a namespace of its own, never the instructor's.
        var environment = ProcessInfo.processInfo.environment
        environment["ISOLAB_NAMESPACE"] = nil
        let cancellation = RunCancellation()
        let signals = InterruptHandler(cancellation: cancellation)
        defer { signals.uninstall() }
        let grading = ClassGrading(lab: parsed, isolab: isolab, jobs: jobs, out: out)
        let graded = grading.grade(set.submissions, environment: environment,
                                   directory: FileManager.default.currentDirectoryPath, cancellation: cancellation,
                                   progress: ClassProgress(total: set.submissions.count, jobs: jobs))
        print(Gradebook.text(graded.runs), terminator: "")
        try grading.writeGradebook(graded.runs)
        LabConsole.out("Results: \(out)/NAME.json · gradebook: \(out)/gradebook.csv, \(out)/gradebook.html")
        if cancellation.isCancelled { return 130 }
        return graded.ungraded.isEmpty ? 0 : 1
    }
}
