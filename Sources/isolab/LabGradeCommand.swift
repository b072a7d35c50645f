import ArgumentParser
import Foundation
import LabEngine
import LabReports

/// `isolab lab grade FILE`: only the checks, against the learner's namespace; prints `7/10` and a
/// line per check; removes nothing. Exit 0 full score, 1 otherwise, 2 invalid lab.
/// Every requested report is written in every case, an invalid lab included.
struct LabGradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade", abstract: "Grade what the learner built: run only the checks.")

    @Argument(help: "The lab file.")
    var file: String
    @Option(name: .long, help: "The learner's name, for the reports.")
    var learner: String?
    @OptionGroup var reports: LabReportOptions

    func run() throws {
        let options = LabRunOptions(mode: .grade, dockerExecutable: LabEnvironment.selfExecutable(),
                                    environment: ProcessInfo.processInfo.environment, learner: learner)
        let loaded = LabPaths.loadAll([file])
        let host = try? LabEnvironment.host()
        let labs = try reports.validLabsOrExit(loaded, options: options, host: host)
        let runtimeHost = try reports.hostOrExit(host, loaded, options: options)
        let cancellation = RunCancellation()
        let signals = InterruptHandler(cancellation: cancellation)
        let runner = LabRunner(host: runtimeHost, options: options, cancellation: cancellation)
        runner.onProgress = reports.progressWriter()
        let results = runner.run(labs)
        signals.uninstall()
        // The results file first: a grader needs it even when something below goes wrong.
        let written = reports.write(results)
        TerminalReporter(quiet: false).grade(results)
        if cancellation.isCancelled { throw ExitCode(130) }
        let full = results.labs.allSatisfy { $0.error == nil && $0.score == $0.maxScore }
        throw ExitCode(full && written ? 0 : 1)
    }
}
