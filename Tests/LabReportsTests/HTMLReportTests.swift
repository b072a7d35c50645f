import Foundation
import Testing
@testable import LabReports

@Suite struct HTMLReportTests {
    let html = HTMLReport.html(SampleResults.run())

    @Test func commandOutputIsEscaped() {
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;\u{241B}[0m"))
    }

    @Test func labRawHTMLIsLeftOut() {
        #expect(!html.contains("from the lab"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
    }

    @Test func showsScoreAndEveryBlock() {
        #expect(html.contains("<span class=\"score\">2 / 8</span>"))
        for lab in SampleResults.run().labs {
            for block in lab.blocks {
                #expect(html.contains("data-block-id=\"\(block.id)\""), "block \(block.id)")
                #expect(html.contains("<code class=\"bid\">#\(block.id)</code>"), "block \(block.id)")
            }
        }
        #expect(!html.contains("Blocks not found"))
    }

    @Test func cardsStandInPlaceOfTheirBlocksInTheProse() throws {
        // Prose before and after each card, in document order; the card inside the list stays in it.
        let order = ["Containers are <em>processes</em>", "data-block-id=\"setup-1\"", "data-block-id=\"start\"",
                     "Check the hostname:", "data-block-id=\"hostname\"", "A check inside a list:",
                     "data-block-id=\"in-list\"", "</li>", "Burn a core:", "data-block-id=\"burn\"",
                     "data-block-id=\"slow\"", "data-block-id=\"after\"", "data-block-id=\"cleanup-1\""]
        var cursor = html.startIndex
        for marker in order {
            let found = try #require(html.range(of: marker, range: cursor..<html.endIndex), "\(marker) after the previous marker")
            cursor = found.upperBound
        }
        // The fenced source is replaced, not shown twice.
        #expect(!html.contains("{#hostname check"))
    }

    @Test func failedCheckShowsDiffHintAndPartialCredit() {
        #expect(html.contains("<span class=\"del\">-web</span><span class=\"ins\">+&lt;script&gt;"))
        #expect(html.contains("<strong>Hint:</strong> use --hostname"))
        #expect(html.contains("<span class=\"badge partial\">◐ partial</span>"))
        #expect(html.contains("<span class=\"pts\">1 / 2 pts</span>"))
        #expect(html.contains("<span class=\"badge timed_out\">◷ timed out</span>"))
        #expect(html.contains("timed out after 1s"))
        #expect(html.contains("killed by the timeout"))
    }

    @Test func measureBlockHasAChartWithBandAndMean() throws {
        let start = try #require(html.range(of: "<svg class=\"chart\""))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        let svg = String(html[start.lowerBound..<end.upperBound])
        #expect(svg.contains("<rect class=\"band\""))
        #expect(svg.contains("<polyline class=\"series\""))
        #expect(svg.contains("mean 1.00 cores"))
        #expect(svg.contains(">time (s)</text>"))
        #expect(svg.contains(">CPU cores</text>"))
        // 25 samples → 25 points on the line.
        let points = try #require(svg.range(of: #"points="([^"]*)""#, options: .regularExpression))
        #expect(svg[points].split(separator: " ").count == 25)
    }

    @Test func isSelfContained() {
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        // The SVG namespace is a name, not a fetch; nothing else points off the page.
        let rest = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!rest.contains("http://") && !rest.contains("https://"))
        #expect(html.contains("@media print"))
        #expect(html.contains("name=\"viewport\""))
    }

    @Test func labImagesDoNotMakeThePageFetchAnything() throws {
        var lab = SampleResults.passing
        lab.markdown = "# Passing lab\n\nSome ![img](https://example.com/x.png) and <img src=\"https://example.com/y.png\">"
            + " and [a link](https://example.com/page) and <https://example.com/auto>.\n"
        let page = HTMLReport.html(SampleResults.run(labs: [lab]))
        #expect(page.contains("[image: img] (https://example.com/x.png)"))
        // Nothing the browser fetches on its own: no src, srcset, poster, CSS url() or <link>;
        // an href only on <a>, which loads on a click.
        for fetching in ["src=", "srcset=", "poster=", "url(", "<link", "<img", "<iframe", "<object", "<embed"] {
            #expect(!page.contains(fetching), "\(fetching)")
        }
        let hrefs = try NSRegularExpression(pattern: #"<(\w+)[^>]*\shref=""#)
        let tags = hrefs.matches(in: page, range: NSRange(page.startIndex..., in: page)).compactMap {
            Range($0.range(at: 1), in: page).map { String(page[$0]) }
        }
        #expect(!tags.isEmpty && tags.allSatisfy { $0 == "a" }, "\(tags)")
    }

    @Test func invalidLabShowsItsErrorAndNoBlocks() {
        var lab = SampleResults.passing
        lab.blocks = []
        lab.status = .error
        lab.error = "labs/passing.md:8:12: unknown attribute 'pionts'"
        let page = HTMLReport.html(SampleResults.run(labs: [lab]))
        #expect(page.contains(#"<span class="badge error">! error</span>"#))
        #expect(page.contains("<strong>Lab error:</strong> labs/passing.md:8:12: unknown attribute &#39;pionts&#39;"))
        // Several diagnostics start on a line of their own, one per line.
        lab.error = "labs/passing.md:3:1: duplicate id 'ok'\nlabs/passing.md:8:12: unknown attribute 'pionts'"
        let several = HTMLReport.html(SampleResults.run(labs: [lab]))
        #expect(several.contains("<strong>Lab error:</strong>\nlabs/passing.md:3:1: duplicate id &#39;ok&#39;\nlabs/passing.md:8:12:"))
        #expect(several.contains("<strong>passing:</strong>\nlabs/passing.md:3:1:"))
        #expect(page.contains("0 / 0 points"))
        #expect(!page.contains("data-block-id="))
        #expect(!page.contains("Blocks not found"))
    }

    @Test func scriptIsShownAsWrittenNotAsATranscript() {
        var lab = SampleResults.passing
        lab.blocks[1].commands[0] = SampleResults.command("echo \"FAIL: nope\"\nexit 1", line: 9, actual: "FAIL: nope", exit: 1)
        let page = HTMLReport.html(SampleResults.run(labs: [lab]))
        #expect(page.contains("<div class=\"label\">script</div>\n<pre class=\"command\">echo &quot;FAIL: nope&quot;\nexit 1</pre>\n<div class=\"label\">output</div>\n<pre class=\"output\">FAIL: nope</pre>"))
        #expect(!page.contains("&gt; exit 1"))
        // A transcript keeps its prompt.
        #expect(page.contains("<pre class=\"command\">$ echo hi</pre>"))
    }

    @Test func runningBlockIsMarkedUnfinished() {
        var lab = SampleResults.passing
        lab.blocks[1].status = .running
        let page = HTMLReport.html(SampleResults.run(labs: [lab]))
        #expect(page.contains(#"<span class="badge running" title="still running when these results were written, or the run was interrupted">… running</span>"#))
        #expect(page.contains(#"<section class="block running""#))
    }

    @Test func blocksWithoutAPlaceInTheProseAreStillShown() {
        var lab = SampleResults.passing
        lab.markdown = ""
        let page = HTMLReport.html(SampleResults.run(labs: [lab]))
        #expect(page.contains("Blocks not found in the lab's text"))
        #expect(page.contains("data-block-id=\"hello\""))
        #expect(page.contains("data-block-id=\"ok\""))
    }

    @Test func labErrorIsShown() {
        var lab = SampleResults.passing
        lab.error = "setup failed: <exit 2>"
        let page = HTMLReport.html(SampleResults.run(labs: [lab]))
        #expect(page.contains("<strong>Lab error:</strong> setup failed: &lt;exit 2&gt;"))
        #expect(page.contains("<p class=\"laberror\"><strong>passing:</strong> setup failed: &lt;exit 2&gt;</p>"))
    }
}
