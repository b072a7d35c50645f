import ArgumentParser
import Foundation
import LabEngine
import LabFormat
import LabReports

/// `isolab lab walk FILE`: the lab as a tutorial in the terminal. Prose rendered for the
/// terminal, each step's commands as typed; Enter runs a step with its output live; at an
/// exercise `!` opens a shell with isolab's `docker`; progress kept for `--resume`. Exit 0
/// finished with full score, 1 otherwise, 2 invalid lab or no terminal, 143 terminated.
struct LabWalkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "walk", abstract: "Walk through a lab interactively, step by step.")

    @Argument(help: "The lab file.")
    var file: String
    @Flag(name: .long, help: "Continue where the last walk of this lab stopped.")
    var resume = false
    @Option(name: .long, help: "Start at the step or exercise with this id.")
    var step: String?
    @Flag(name: .long, help: "Keep the lab's containers at the end (no cleanup).")
    var keep = false
    @Flag(name: .long, help: "Remove the saved progress and the lab's containers, then exit.")
    var reset = false

    func run() throws {
        guard let lab = LabPaths.load([file])?.first else { throw ExitCode(2) }
        if let step, !WalkDocument(lab: lab).blocks.contains(where: { $0.id == step }) {
            LabConsole.error("isolab: \(file) has no step or exercise with id '\(step)'")
            throw ExitCode(2)
        }
        let environment = ProcessInfo.processInfo.environment
        let start = WalkStart(file: file, resume: resume, reset: reset, environment: environment)
        for notice in start.notices { notice.error ? LabConsole.error(notice.text) : LabConsole.out(notice.text) }
        let progress = start.progress
        if !reset {
            guard isatty(0) == 1, isatty(1) == 1 else {
                LabConsole.error("isolab: lab walk needs a terminal (use lab run or lab grade in scripts)")
                throw ExitCode(2)
            }
        }
        let host: ContainerHost
        do { host = try LabEnvironment.host() } catch { LabConsole.error("\(error)"); throw ExitCode(1) }
        let options = start.options(keep: keep, dockerExecutable: LabEnvironment.selfExecutable(),
                                    environment: environment)
        if !reset {
            // Before the walk makes anything of its own: a hang-up here leaves nothing behind.
            LabConsole.out("Preparing the built-in images…")
            do {
                try host.prepareImages()
            } catch {
                LabConsole.error("isolab: preparing the built-in images: \(error)")
                throw ExitCode(1)
            }
        }
        let style = TerminalStyle.detect()
        let screen = WalkScreen(style: style)
        let terminal = reset ? nil : TerminalMode(fd: 0)
        let driver: LabWalkDriver
        do {
            driver = try start.driver(
                lab: lab, host: host, options: options,
                suspendTerminal: { terminal?.restore() },
                resumeTerminal: { terminal?.keys(); terminal?.discardTypeahead() },
                blockStarts: { terminal?.step(); screen.blockStarted() },
                blockEnds: { screen.blockEnded(); terminal?.discardTypeahead(); terminal?.keys() })
        } catch {
            LabConsole.error("isolab: \(error)")
            throw ExitCode(1)
        }
        defer { driver.finish() }
        // From here on a signal ends the walk through its own way out (saved, scratch removed).
        let signals = WalkSignals(interruptStep: { driver.interruptRunningBlock() })
        defer {
            signals.uninstall()
            terminal?.close()
        }
        if reset {
            let (problems, left) = start.reset(driver)
            for problem in problems { LabConsole.error(problem) }
            LabConsole.out(left.isEmpty ? "Reset \(lab.path): progress and containers (namespace \(driver.namespace)) removed."
                                        : "Reset \(lab.path): progress removed; still there: " + left.joined(separator: ", "))
            throw ExitCode(problems.isEmpty ? 0 : 1)
        }
        start.restore(into: driver.stepper)
        driver.stepper.live = screen

        terminal?.keys()
        let machine = WalkMachine(document: WalkDocument(lab: lab), progress: progress, driver: driver,
                                  output: screen, options: WalkMachine.Options(startAt: step, keep: keep))
        machine.start()
        let keys = WalkKeyReader(fd: 0, signals: signals)
        while !machine.isFinished { machine.handle(keys.next()) }
        throw ExitCode(machine.exitStatus)
    }
}
