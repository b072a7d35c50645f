import Foundation
import Testing
@testable import LabReports

/// Markdown nested as deep as it is long reaches the reports through a results file (the lab's
/// source is in it): rendering it must not recurse per level.
@Suite struct DeepMarkdownTests {
    static let emphasis = String(repeating: "**", count: 106_000) + "a" + String(repeating: "**", count: 106_000)

    @Test func deepEmphasisInAHeadingAndAnImageRenders() {
        let markdown = "# \(Self.emphasis)\n\n![\(Self.emphasis)](pic.png)\n\n```sh {#x}\ntrue\n```\n"
        let result = HTMLProse.render(markdown: markdown, cards: [5: "<section>CARD</section>"])
        #expect(result.unplaced.isEmpty)
        #expect(result.html.contains("[image: a] (pic.png)"))
        #expect(result.html.contains("<section>CARD</section>"))
    }

    @Test func deepEmphasisThroughAResultsFileRenders() throws {
        var run = SampleResults.run(labs: [SampleResults.passing])
        run.labs[0].markdown = "# \(Self.emphasis)\n\n![\(Self.emphasis)](x)\n" + run.labs[0].markdown
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.write(String(decoding: try JSONReport.data(run), as: UTF8.self), "deep.json")
        let html = HTMLReport.html(try ReportFiles.readResults(path))
        #expect(html.contains("[image: a] (x)"))
    }
}
