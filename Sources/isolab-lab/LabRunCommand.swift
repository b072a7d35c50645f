import ArgumentParser
import Foundation
import LabEngine
import LabReports

/// `isolab lab run PATH...`: every lab in a fresh namespace; exit 0 all passed, 1 a failure,
/// 2 an invalid lab, 130 interrupted.
struct LabRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run labs: setup, every step and check, cleanup.")

    @OptionGroup var labs: LabPathArguments
    @Option(name: .long, help: "Run only the block with this id (with setup, its solutions and cleanup).")
    var only: String?
    @Flag(name: .long, help: "Skip every block after the first failure (cleanup still runs).")
    var failFast = false
    @Flag(name: .long, help: "Keep the run's namespace and its containers.")
    var keep = false
    @Flag(name: .shortAndLong, help: "Print only failures and the summary.")
    var quiet = false
    @OptionGroup var reports: LabReportOptions

    func run() throws {
        let options = LabRunOptions(mode: .run, only: only, failFast: failFast, keep: keep,
                                    dockerExecutable: LabEnvironment.selfExecutable(),
                                    environment: ProcessInfo.processInfo.environment)
        let loaded = LabPaths.loadAll(labs.paths)
        let host = try? LabEnvironment.host()
        // An invalid lab stops the run before anything runs; the reports still say why.
        let labs = try reports.validLabsOrExit(loaded, options: options, host: host)
        if let only, !labs.contains(where: { $0.block(id: only) != nil }) {
            LabConsole.quotedError("isolab: no lab has a block with id '\(only)'")
            throw ExitCode(2)
        }
        let runtimeHost = try reports.hostOrExit(host, loaded, options: options)

        let reporter = TerminalReporter(quiet: quiet)
        let observer = LabTerminalObserver(reporter: reporter)
        let cancellation = RunCancellation()
        let signals = InterruptHandler(cancellation: cancellation)
        let runner = LabRunner(host: runtimeHost, options: options, observer: observer, cancellation: cancellation)
        runner.onProgress = reports.progressWriter()
        let results = runner.run(labs)
        signals.uninstall()
        reporter.summary(results)
        let written = reports.write(results)
        if cancellation.isCancelled { throw ExitCode(130) }
        let passed = results.labs.allSatisfy { $0.status == .passed }
        throw ExitCode(passed && written ? 0 : 1)
    }
}
