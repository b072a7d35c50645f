import ArgumentParser
import Foundation
import LabReports
import LabResults

/// `isolab lab report RESULTS.json --html FILE [--junit FILE]`: renders the reports of an
/// earlier `lab run|grade --json` again, e.g. on a machine that did not run the lab.
struct LabReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Render a results file (from `lab run --json`) as HTML or JUnit XML.",
        discussion: "A FILE of `-` means standard output; RESULTS of `-` reads standard input.")

    @Argument(help: ArgumentHelp("A results file written by `lab run --json` or `lab grade --json`.", valueName: "results.json"))
    var results: String

    @Option(help: ArgumentHelp("Write the HTML report (one self-contained page) here.", valueName: "file"))
    var html: String?

    @Option(help: ArgumentHelp("Write a JUnit XML report here.", valueName: "file"))
    var junit: String?

    func validate() throws {
        if html == nil && junit == nil {
            throw ValidationError("Nothing to write: give --html FILE, --junit FILE or both.")
        }
        if html == "-" && junit == "-" {
            throw ValidationError("--html and --junit cannot both write to standard output.")
        }
    }

    func run() throws {
        let run: RunResults
        do {
            run = try ReportFiles.readResults(results)
        } catch {
            // The reason may quote the file (a bad date's text): printed with controls shown.
            LabConsole.quotedError("isolab: \(error)")
            throw ExitCode(125)
        }
        if let html { try ReportFiles.write(HTMLReport.html(run), to: html) }
        if let junit { try ReportFiles.write(JUnitReport.xml(run), to: junit) }
        // A one-line summary, unless standard output is the report itself.
        if html != "-" && junit != "-" {
            let who = run.learner.map { "\(TerminalText.cell($0)): " } ?? ""
            print("\(who)\(run.labs.count) lab(s), \(Points.text(run.totalScore)) / \(Points.text(run.totalMaxScore)) points; wrote "
                  + [html, junit].compactMap { $0 }.joined(separator: ", "))
        }
    }
}
