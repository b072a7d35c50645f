import Testing
import LabReports

@Suite struct MarkdownTerminalRendererTests {
    let plain = TerminalStyle(color: false, interactive: false)
    let colour = TerminalStyle(color: true, interactive: true)

    @Test func headingsEmphasisCodeLinksQuotesAndListsWithoutColour() {
        let lines = MarkdownTerminalRenderer.render("""
            # Title

            Some *emphasis*, **strong**, `code` and a [link](https://example.org/x).

            > quoted *text*

            - one
            - two
              1. nested

            <!-- lab:setup
            hidden
            -->

            ```console
            $ shown as code
            ```
            """, width: 80, style: plain)
        #expect(lines == [
            "Title", "=====", "",
            "Some emphasis, strong, `code` and a link (https://example.org/x).", "",
            "│ quoted text", "",
            "• one", "• two", "  1. nested", "",
            "    $ shown as code",
        ])
    }

    @Test func wrapsToTheWidthAtSpacesAndCutsOnlyLongWords() {
        let text = "alpha bravo charlie delta echo foxtrot golf " + String(repeating: "x", count: 25)
        let lines = MarkdownTerminalRenderer.render(text, width: 20, style: plain)
        #expect(lines == ["alpha bravo charlie", "delta echo foxtrot", "golf", String(repeating: "x", count: 20), "xxxxx"])
        let quoted = MarkdownTerminalRenderer.render("> " + text, width: 22, style: plain)
        #expect(quoted.allSatisfy { $0.count <= 22 && $0.hasPrefix("│ ") })
    }

    @Test func colourPaintsButDoesNotCountTowardsTheWidth() {
        let lines = MarkdownTerminalRenderer.render("**bold** `code` words here", width: 16, style: colour)
        #expect(lines.count == 2)
        #expect(lines[0] == "\u{1B}[1mbold\u{1B}[0m \u{1B}[36mcode\u{1B}[0m words")
        #expect(!lines.joined().contains("`"))
    }

    @Test func deepNestingIsNoRecursion() {
        let deep = String(repeating: "> ", count: 5000) + "deep"
        let lines = MarkdownTerminalRenderer.render(deep, width: 80, style: plain)
        #expect(!lines.isEmpty)
        let list = String(repeating: "- ", count: 3000) + "item"
        #expect(!MarkdownTerminalRenderer.render(list, width: 80, style: plain).isEmpty)
    }

    @Test func sparklineScalesToTheTop() {
        #expect(Sparkline.render([0, 0.5, 1, 2], top: 1, width: 10) == "▁▅██")
        #expect(Sparkline.render([0, 1, 2, 3], top: 3, width: 2) == "▆█")
    }
}
