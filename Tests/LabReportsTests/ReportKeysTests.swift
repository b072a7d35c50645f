import Foundation
import Testing
@testable import LabReports
import LabResults

@Suite struct ReportKeysTests {
    /// The passing sample lab at another path.
    private func lab(_ path: String) -> LabResult {
        var lab = SampleResults.passing
        lab.path = path
        return lab
    }

    @Test func distinctFileNamesKeepTheirBaseName() {
        let run = SampleResults.run(labs: [lab("x/one.md"), lab("y/two.md")])
        #expect(run.reportKeys == ["one", "two"])
    }

    @Test func clashingFileNamesUseThePathBelowTheirCommonParent() {
        let run = SampleResults.run(labs: [lab("labs/a/lab.md"), lab("./labs/b/deep/lab.md"), lab("labs/other.md")])
        #expect(run.reportKeys == ["a/lab", "b/deep/lab", "other"])
        let flat = SampleResults.run(labs: [lab("lab.md"), lab("b/lab.md")])
        #expect(flat.reportKeys == ["lab", "b/lab"])
    }

    @Test func theSameLabTwiceKeepsOneName() {
        let run = SampleResults.run(labs: [lab("a/lab.md"), lab("./a/lab.md")])
        #expect(run.reportKeys == ["lab", "lab"])
    }

    @Test func clashingLabsGetSeparateTestsSuitesAndColumns() throws {
        let run = SampleResults.run(labs: [lab("a/lab.md"), lab("b/lab.md")])
        let tests = run.gradescopeTests.map(\.name)
        #expect(tests == ["a/lab/ok", "b/lab/ok"])
        let xml = JUnitReport.xml(run)
        #expect(xml.contains(#"<testsuite name="a/lab""#))
        #expect(xml.contains(#"<testsuite name="b/lab""#))
        #expect(xml.contains(#"<testcase classname="b/lab" name="ok""#))
        #expect(Gradebook.table([run]).columns.map(\.name) == ["a/lab/ok", "b/lab/ok"])
        let html = HTMLReport.html(run)
        #expect(html.contains("<code>a/lab/ok</code>"))
        #expect(html.contains("<code>b/lab/ok</code>"))
    }
}
