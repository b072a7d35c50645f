import Testing
@testable import LabReports

/// Learner names, block ids and command output must not drive the terminal that shows them.
@Suite struct TerminalTextTests {
    @Test func controlsAreShownAsCatVShowsThem() {
        #expect(TerminalText.visible("a\u{1B}]0;pwned\u{07}b\u{1B}[2J\r\u{0}\u{7F}\u{9B}c\n\td")
                == "a^[]0;pwned^Gb^[[2J^M^@^?M-^[c\n\td")
        #expect(TerminalText.cell("a\nb\tc") == "a^Jb^Ic")
        #expect(TerminalText.visible("plain ünïcode ✓") == "plain ünïcode ✓")
    }

    @Test func gradebookTextShowsNoEscapes() {
        var run = SampleResults.run(learner: "eve\u{1B}]0;owned\u{07}\u{1B}[31m", labs: [SampleResults.passing])
        run.labs[0].blocks[1].id = "ok\u{1B}[2J"
        let text = Gradebook.text([run])
        #expect(!text.unicodeScalars.contains("\u{1B}") && !text.unicodeScalars.contains("\u{07}"))
        #expect(text.contains("eve^[]0;owned^G^[[31m"))
        #expect(text.contains("passing/ok^[[2J"))
    }

    @Test func csvNeutralisesTabAndCarriageReturnFormulasAndNUL() {
        #expect(ReportEscape.csv("\t=cmd|' /C calc'!A0") == "'\t=cmd|' /C calc'!A0")
        #expect(ReportEscape.csv("\r=1+1") == "\"'\r=1+1\"")
        #expect(ReportEscape.csv("a\u{0}b") == "a\u{2400}b")
        #expect(ReportEscape.csv("\u{0}=1") == "\u{2400}=1")
        #expect(ReportEscape.csv("=1") == "'=1")
        let csv = Gradebook.csv([SampleResults.run(learner: "\t=HYPERLINK(\"http://x\")\u{0}", labs: [SampleResults.passing])])
        #expect(csv.contains("\"'\t=HYPERLINK(\"\"http://x\"\")\u{2400}\""))
        #expect(!csv.unicodeScalars.contains("\u{0}"))
    }
}
