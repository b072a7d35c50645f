import Foundation
import Testing
@testable import LabReports

/// The HTML report as a real browser renders it: headless Chromium (Debian's `chromium`).
/// Serialized: two Chromiums at once on a small shared machine only slow each other down.
@Suite(.serialized, .enabled(if: Conditions.hasChromium, "needs Debian's chromium (scripts/test-setup-reports.sh)"))
struct HTMLChromiumTests {
    /// Chromium with a profile of its own in `dir`, killed by `timeout` if it hangs.
    private func chromium(_ dir: TempDir, _ arguments: [String]) throws -> Subprocess.Output {
        let chromium = try #require(Subprocess.which("chromium"))
        let timeout = try #require(Subprocess.which("timeout"))
        return try Subprocess.run([timeout, "120", chromium, "--headless", "--no-sandbox", "--disable-gpu",
                                   "--no-first-run", "--user-data-dir=\(dir.path("profile"))"] + arguments)
    }

    @Test func renderedDOMHasScoreBlocksAndChart() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let page = try dir.write(HTMLReport.html(SampleResults.run()), "report.html")
        let output = try chromium(dir, ["--dump-dom", "file://\(page)"])
        try #require(output.status == 0, "chromium failed: \(output.stderr)")
        let dom = output.stdout
        #expect(dom.contains("2 / 8"))
        for block in SampleResults.basics.blocks + SampleResults.passing.blocks {
            #expect(dom.contains("#\(block.id)"), "block \(block.id)")
        }
        #expect(dom.contains("<svg"))
        #expect(dom.contains("class=\"band\""))
        // The browser read the command's markup as text: no script element came from it.
        #expect(!dom.contains("<script"))
    }

    @Test(arguments: [(390, 3000, "phone"), (1280, 2400, "desktop")])
    func screenshotIsWritten(width: Int, height: Int, name: String) throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let page = try dir.write(HTMLReport.html(SampleResults.run()), "report.html")
        let png = dir.path("\(name).png")
        let output = try chromium(dir, ["--hide-scrollbars", "--screenshot=\(png)", "--window-size=\(width),\(height)", "file://\(page)"])
        try #require(output.status == 0, "chromium failed: \(output.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))   // PNG signature
        // IHDR holds the width big-endian at bytes 16..<20: the page was laid out at this width.
        #expect(data.count > 24 && data[16..<20].reduce(0) { $0 << 8 | Int($1) } == width)
        // For a person to look at: ISOLAB_KEEP_SCREENSHOTS=DIR keeps the page, its screenshots and its results file.
        if let keep = ProcessInfo.processInfo.environment["ISOLAB_KEEP_SCREENSHOTS"] {
            try? FileManager.default.removeItem(atPath: "\(keep)/\(name).png")
            try FileManager.default.copyItem(atPath: png, toPath: "\(keep)/\(name).png")
            try? FileManager.default.removeItem(atPath: "\(keep)/report.html")
            try? FileManager.default.copyItem(atPath: page, toPath: "\(keep)/report.html")
            try ReportFiles.write(String(decoding: try JSONReport.data(SampleResults.run()), as: UTF8.self), to: "\(keep)/results.json")
        }
    }

    @Test func printsToPDF() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let page = try dir.write(HTMLReport.html(SampleResults.run()), "report.html")
        let pdf = dir.path("report.pdf")
        let output = try chromium(dir, ["--print-to-pdf=\(pdf)", "--no-pdf-header-footer", "file://\(page)"])
        try #require(output.status == 0, "chromium failed: \(output.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(data.starts(with: Array("%PDF-".utf8)))
        // Chromium writes the page tree uncompressed: "/Type /Pages … /Count N".
        let text = String(decoding: data, as: UTF8.self)
        let match = try #require(text.firstMatch(of: try Regex(#"/Count (\d+)"#)))
        let count = try #require(match.output[1].substring.flatMap { Int($0) })
        #expect(count >= 2, "the report spans pages")
    }

    @Test func gradebookRendersToo() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let page = try dir.write(Gradebook.html([SampleResults.run()]), "gradebook.html")
        let output = try chromium(dir, ["--dump-dom", "file://\(page)"])
        try #require(output.status == 0, "chromium failed: \(output.stderr)")
        #expect(output.stdout.contains("basics/<wbr>hostname"))
        #expect(output.stdout.contains("2 / 8"))
    }
}
