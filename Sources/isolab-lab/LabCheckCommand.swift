import LabReports
import LabResults
import ArgumentParser
import LabFormat

/// `isolab lab check PATH...`: parse and validate only; every error as `file:line:col: message`
/// on stderr, a summary line per valid file on stdout.
struct LabCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate labs without running them.")

    @OptionGroup var labs: LabPathArguments
    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    func run() throws {
        let files = LabPaths.expand(labs.paths)
        var valid = true
        for file in files {
            switch LoadedLab.load(file: file) {
            case .valid(let lab):
                if !quiet {
                    let checks = lab.blocks.filter { $0.kind == .check }
                    let points = checks.reduce(0) { $0 + $1.points }
                    LabConsole.quoted("\(file): ok, \(Self.count(lab.blocks.count, "block")), "
                                   + "\(Self.count(checks.count, "check")), \(Points.text(points)) point\(points == 1 ? "" : "s")")
                }
            case .invalid(_, _, let problems):
                valid = false
                // Diagnostics go to stderr, as in run and grade.
                for problem in problems { LabConsole.quotedError(problem) }
            }
        }
        if !valid { throw ExitCode(2) }
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}

