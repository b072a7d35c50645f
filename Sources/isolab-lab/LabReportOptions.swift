import ArgumentParser
import Foundation
import LabReports
import LabResults

/// `--json FILE --junit FILE --html FILE`, shared by `lab run` and `lab grade`.
struct LabReportOptions: ParsableArguments {
    @Option(name: .long, help: "Write the results as JSON (Gradescope's shape) to FILE.")
    var json: String?
    @Option(name: .long, help: "Write a JUnit XML report to FILE.")
    var junit: String?
    @Option(name: .long, help: "Write an HTML report to FILE.")
    var html: String?

    /// Writes every requested report; returns false (after saying why) when one could not be written.
    func write(_ results: RunResults) -> Bool {
        var ok = true
        func save(_ path: String?, _ make: () throws -> Data) {
            guard let path else { return }
            do {
                try ReportFiles.write(try make(), to: path)
            } catch {
                LabConsole.error("isolab: writing \(path): \(error)")
                ok = false
            }
        }
        save(json) { try JSONReport.data(results) }
        save(junit) { Data(JUnitReport.xml(results).utf8) }
        save(html) { Data(HTMLReport.html(results).utf8) }
        return ok
    }

    /// Rewrites the `--json` file with the results so far (nil without `--json`), so a results
    /// file exists even when isolab is killed mid-way; the first failure to write is reported.
    func progressWriter() -> ((RunResults) -> Void)? {
        guard let json else { return nil }
        var reported = false
        return { results in
            do {
                try ReportFiles.write(try JSONReport.data(results), to: json)
            } catch {
                if !reported { LabConsole.error("isolab: writing \(json): \(error)") }
                reported = true
            }
        }
    }
}
