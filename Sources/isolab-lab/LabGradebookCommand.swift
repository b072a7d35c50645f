import ArgumentParser
import Foundation
import LabReports
import LabResults

/// `isolab lab gradebook RESULTS.json... [--csv FILE] [--html FILE]`: one row per learner,
/// one column per check, from the results files of a class; the table also goes to stdout.
struct LabGradebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradebook",
        abstract: "Gather learners' results files into one gradebook (CSV, HTML, and a table on stdout).",
        discussion: """
            Each results file is one learner's `lab grade --json` (or `lab run --json`). A file without \
            a learner name is listed under its file name. Columns are lab/check-id; a check a learner \
            has no result for scores 0 in the total and is empty in the CSV.
            """)

    @Argument(help: ArgumentHelp("Results files, one per learner.", valueName: "results.json"))
    var results: [String]

    @Option(help: ArgumentHelp("Write the gradebook as CSV (RFC 4180) here.", valueName: "file"))
    var csv: String?

    @Option(help: ArgumentHelp("Write the gradebook as one HTML page here.", valueName: "file"))
    var html: String?

    func validate() throws {
        if results.isEmpty { throw ValidationError("Give at least one results file.") }
    }

    func run() throws {
        var runs: [RunResults] = []
        var firstFile: [String: String] = [:]
        for path in results {
            var run: RunResults
            do {
                run = try ReportFiles.readResults(path)
            } catch {
                // The reason may quote the file (a bad date's text): printed with controls shown.
                LabConsole.quotedError("isolab: \(error)")
                throw ExitCode(125)
            }
            if run.learner == nil { run.learner = Self.learnerName(path) }
            let learner = run.learner ?? path
            // Two files for one learner both stay in the gradebook; the instructor decides.
            if let earlier = firstFile[learner] {
                LabConsole.quotedError("warning: learner '\(learner)' is in both \(earlier) and \(path)")
            } else {
                firstFile[learner] = path
            }
            runs.append(run)
        }
        print(Gradebook.text(runs), terminator: "")
        if let csv { try ReportFiles.write(Gradebook.csv(runs), to: csv) }
        if let html { try ReportFiles.write(Gradebook.html(runs), to: html) }
    }

    /// `results/alice.json` → `alice`.
    static func learnerName(_ path: String) -> String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        return base.hasSuffix(".json") ? String(base.dropLast(5)) : base
    }
}
