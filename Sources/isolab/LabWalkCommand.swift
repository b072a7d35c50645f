import ArgumentParser
import Foundation
import LabEngine
import LabFormat
import LabReports

/// `isolab lab walk FILE [--resume]`: prose, then each step on the learner's key press; at a
/// check the learner does the task and asks for grading; hints on failure; progress kept for
/// `--resume`. Exit 0 finished with full score, 1 otherwise, 2 invalid lab or no terminal.
struct LabWalkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "walk", abstract: "Walk through a lab interactively, step by step.")

    @Argument(help: "The lab file.")
    var file: String
    @Flag(name: .long, help: "Continue where the last walk of this lab stopped.")
    var resume = false

    func run() throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            LabConsole.error("isolab: lab walk needs a terminal (use lab run or lab grade in scripts)")
            throw ExitCode(2)
        }
        guard let lab = LabPaths.load([file])?.first else { throw ExitCode(2) }
        let host: ContainerHost
        do { host = try LabEnvironment.host() } catch { LabConsole.error("\(error)"); throw ExitCode(1) }
        do {
            try host.prepareImages()
        } catch {
            LabConsole.error("isolab: preparing the built-in images: \(error)")
            throw ExitCode(1)
        }
        let environment = ProcessInfo.processInfo.environment
        let options = LabRunOptions(mode: .walk, dockerExecutable: LabEnvironment.selfExecutable(),
                                    environment: environment)
        let progressFile = WalkProgress.file(for: file, home: environment["HOME"] ?? "/root")
        var progress = WalkProgress(labPath: file)
        if resume {
            do {
                progress = try WalkProgress.load(from: progressFile) ?? progress
            } catch {
                LabConsole.error("isolab: reading \(progressFile): \(error); starting from the beginning")
            }
        }
        let cancellation = RunCancellation()
        let signals = InterruptHandler(cancellation: cancellation)
        defer { signals.uninstall() }
        let stepper: LabStepper
        do {
            stepper = try LabStepper(lab: lab, host: host, options: options, cancellation: cancellation)
        } catch {
            LabConsole.error("isolab: \(error)")
            throw ExitCode(1)
        }
        defer { stepper.finish() }
        stepper.restore(captures: progress.captures)
        stepper.restore(failures: progress.failures)
        let walk = LabWalk(lab: lab, stepper: stepper, cancellation: cancellation, progress: progress,
                           progressFile: progressFile)
        throw ExitCode(walk.run())
    }
}
