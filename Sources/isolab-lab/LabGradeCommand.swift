import ArgumentParser
import Foundation
import LabEngine
import LabFormat
import LabReports
import LabResults

/// `isolab lab grade FILE`: grade one learner, either live (only the checks, against the
/// learner's namespace, removing nothing) or from an answers file (`--answers`: the whole lab in
/// a namespace of its own, each answer in place of its check's solution); or a whole class
/// (`--answers-dir`). Exit 0 full score, 1 otherwise, 2 invalid lab or answers file; with
/// `--answers-dir`, 0 when every submission was graded, 1 when one could not be.
/// Every requested report is written in every case, an invalid lab included.
struct LabGradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade", abstract: "Grade a learner's work: live, from an answers file, or a whole class.",
        discussion: """
            Without --answers: only the checks run, against what the learner built in their namespace \
            (ISOLAB_NAMESPACE). With --answers FILE: the lab runs as `lab run` runs it, each ```sh {answer \
            for=#id}``` block of FILE in place of that check's hidden solution; a check without an answer \
            scores 0. With --answers-dir DIR: every DIR/NAME/answers.md or DIR/NAME.md is graded that way, \
            --jobs at a time, into OUT/NAME.json, OUT/gradebook.csv and OUT/gradebook.html.
            Answers are shell scripts run as root on this machine: grade submissions you do not trust \
            on a machine you can throw away (a CI runner, a VM).
            """)

    @Argument(help: "The lab file.")
    var file: String
    @Option(name: .long, help: "The learner's name, for the reports.")
    var learner: String?
    @Option(name: .long, help: ArgumentHelp("Grade this answers file instead of the learner's live namespace.", valueName: "file"))
    var answers: String?
    @Option(name: .customLong("answers-dir"), help: ArgumentHelp("Grade every submission in this folder.", valueName: "dir"))
    var answersDirectory: String?
    @Option(name: .long, help: ArgumentHelp("With --answers-dir: submissions graded at once (default: the number of cores).", valueName: "n"))
    var jobs: Int?
    @Option(name: .long, help: ArgumentHelp("With --answers-dir: where results and the gradebook go.", valueName: "dir"))
    var out: String?
    @Option(name: .long, help: ArgumentHelp("Write the result for GitHub Classroom's grading reporter (base64 JSON) to FILE.", valueName: "file"))
    var classroom: String?
    @OptionGroup var reports: LabReportOptions

    func validate() throws {
        if answers != nil, answersDirectory != nil { throw ValidationError("Give --answers or --answers-dir, not both.") }
        if answersDirectory == nil {
            if jobs != nil { throw ValidationError("--jobs goes with --answers-dir.") }
            if out != nil { throw ValidationError("--out goes with --answers-dir.") }
        } else {
            if learner != nil { throw ValidationError("--learner names one learner; with --answers-dir each is named after their submission.") }
            if classroom != nil { throw ValidationError("--classroom reports one learner; it does not go with --answers-dir.") }
            if reports.json != nil || reports.junit != nil || reports.html != nil {
                throw ValidationError("With --answers-dir the reports go to --out (OUT/NAME.json, OUT/gradebook.*).")
            }
        }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be between 1 and 256.") }
    }

    func run() throws {
        if let answersDirectory {
            throw ExitCode(try gradeClass(directory: answersDirectory,
                                          jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                          out: out ?? "grades"))
        }
        var options = LabRunOptions(mode: .grade, dockerExecutable: LabEnvironment.selfExecutable(),
                                    environment: ProcessInfo.processInfo.environment, learner: learner)
        let loaded = LabPaths.loadAll([file])
        let host = try? LabEnvironment.host()
        let labs = try reports.validLabsOrExit(loaded, options: options, host: host)
        if let answers {
            guard let lab = labs.first else { throw ExitCode(2) }
            do {
                options.answers = try AnswersParser.parse(file: answers, lab: lab)
            } catch {
                let problems = LabValidationError.lines(of: error, file: answers)
                for problem in problems { LabConsole.error(problem) }
                let reason = "the answers file is invalid: " + problems.joined(separator: "; ")
                let results = LabRunner.results([LabRunner.unscoredResult(lab, reason: reason)], options: options, host: host)
                _ = reports.write(results)
                _ = writeClassroom(results)
                throw ExitCode(2)
            }
        }
        let runtimeHost = try reports.hostOrExit(host, loaded, options: options)
        let cancellation = RunCancellation()
        let signals = InterruptHandler(cancellation: cancellation)
        let runner = LabRunner(host: runtimeHost, options: options, cancellation: cancellation)
        runner.onProgress = reports.progressWriter()
        let results = runner.run(labs)
        signals.uninstall()
        // The results file first: a grader needs it even when something below goes wrong.
        let written = reports.write(results) && writeClassroom(results)
        TerminalReporter(quiet: false).grade(results)
        if cancellation.isCancelled { throw ExitCode(130) }
        let full = results.labs.allSatisfy { $0.error == nil && $0.score == $0.maxScore }
        throw ExitCode(full && written ? 0 : 1)
    }

    /// `--classroom FILE`, and under GitHub Actions the step output `result`, for GitHub
    /// Classroom's grading reporter. False (after saying why) when one could not be written.
    private func writeClassroom(_ results: RunResults) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        let actionsOutput = environment["GITHUB_ACTIONS"] == "true" ? environment["GITHUB_OUTPUT"].flatMap { $0.isEmpty ? nil : $0 } : nil
        guard classroom != nil || actionsOutput != nil else { return true }
        do {
            let payload = try ClassroomReport.payload(results)
            if let classroom { try ReportFiles.write(payload, to: classroom) }
            if let actionsOutput { try ReportFiles.append("result=\(payload)\n", to: actionsOutput) }
            return true
        } catch {
            LabConsole.error("isolab: writing the GitHub Classroom result: \(error)")
            return false
        }
    }
}
