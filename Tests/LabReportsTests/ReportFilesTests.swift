import Foundation
import Testing
@testable import LabReports

@Suite struct ReportFilesTests {
    @Test func writesAtomicallyAndReadsBack() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.path("results.json")
        try ReportFiles.write(String(decoding: try JSONReport.data(SampleResults.run()), as: UTF8.self), to: path)
        #expect(try ReportFiles.readResults(path) == SampleResults.run())
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["results.json"])
    }

    @Test func missingFileNamesPathAndErrno() throws {
        let error = try #require(throws: ReportError.self) { try ReportFiles.readResults("/nonexistent/results.json") }
        #expect(error.description == "open /nonexistent/results.json: No such file or directory (errno 2)")
    }

    @Test func unwritableDirectoryNamesTheTemporaryFile() throws {
        let error = try #require(throws: ReportError.self) { try ReportFiles.write("x", to: "/nonexistent/report.html") }
        #expect(error.operation == "create")
        #expect(error.path?.hasPrefix("/nonexistent/report.html.tmp-") == true)
        #expect(error.reason == "No such file or directory (errno 2)")
    }

    @Test func notAResultsFileNamesThePath() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write("{\"score\": 1}", "gradescope.json")
        let error = try #require(throws: ReportError.self) { try ReportFiles.readResults(path) }
        #expect(error.description == "read results \(path): at top level: key 'isolab' is missing (not an isolab results file?)")
    }
}
