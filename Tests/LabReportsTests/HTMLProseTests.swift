import Testing
@testable import LabReports

@Suite struct HTMLProseTests {
    @Test func cardReplacesBlockInTightListAndQuote() {
        let markdown = """
        - first
          ```sh {#in-tight-list}
          true
          ```
        - second

        > quoted
        >
        > ```console {#in-quote}
        > $ true
        > ```
        """
        let result = HTMLProse.render(markdown: markdown, cards: [2: "<section>CARD-A</section>", 9: "<section>CARD-B</section>"])
        #expect(result.unplaced.isEmpty)
        #expect(result.html.contains("<li>first<section>CARD-A</section></li>"))
        #expect(result.html.contains("<blockquote>\n<p>quoted</p>\n<section>CARD-B</section>\n</blockquote>"))
        #expect(!result.html.contains("{#in-tight-list}"))
        #expect(!result.html.contains("ISOLABCARD"))
    }

    @Test func hiddenCommentBlockIsReplaced() {
        let markdown = "Intro\n\n<!-- lab:setup\ntrue\n-->\n\nOutro\n"
        let result = HTMLProse.render(markdown: markdown, cards: [3: "<section>SETUP</section>"])
        #expect(result.html == "<p>Intro</p>\n<section>SETUP</section>\n<p>Outro</p>\n")
    }

    @Test func linesWithoutABlockAreReportedUnplaced() {
        let result = HTMLProse.render(markdown: "Just prose.\n\nMore prose.\n", cards: [1: "X", 7: "Y"])
        #expect(result.unplaced == [1, 7])
        #expect(result.html == "<p>Just prose.</p>\n<p>More prose.</p>\n")
    }

    @Test func unsafeLinksAndRawHTMLAreLeftOut() {
        let result = HTMLProse.render(markdown: "[x](javascript:alert(1)) <b onclick=\"x\">b</b>\n", cards: [:])
        #expect(!result.html.contains("javascript:"))
        #expect(!result.html.contains("onclick"))
    }

    @Test func ordinaryCodeBlocksStayProse() {
        let result = HTMLProse.render(markdown: "```sh\necho <hi>\n```\n", cards: [:])
        #expect(result.html == "<pre><code class=\"language-sh\">echo &lt;hi&gt;\n</code></pre>\n")
    }

    @Test func imagesBecomeTextAndLoadNothing() {
        let markdown = """
        See ![a *diagram*](https://example.com/x.png "t") and ![ref][r], \
        [![badge](http://ci.example/b.svg)](https://ci.example/) and ![outer ![inner](i.png)](o.png).

        [r]: https://example.com/r.png
        """
        let html = HTMLProse.render(markdown: markdown, cards: [:]).html
        #expect(!html.contains("<img"))
        #expect(!html.contains("src="))
        #expect(html.contains("[image: a diagram] (https://example.com/x.png)"))
        #expect(html.contains("[image: ref] (https://example.com/r.png)"))
        // A plain link loads nothing until clicked: it stays a link.
        #expect(html.contains(#"<a href="https://ci.example/">[image: badge] (http://ci.example/b.svg)</a>"#))
        #expect(html.contains("[image: outer inner] (o.png)"))
    }
}

