import Testing
@testable import LabReports
import LabResults

@Suite struct ReportEscapeTests {
    @Test func markupEscapesTheFiveAndShowsControls() {
        #expect(ReportEscape.markup("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;")
        #expect(ReportEscape.markup("\u{1B}[1m\u{0}\u{7F}\u{85}x\ty\n") == "\u{241B}[1m\u{2400}\u{2421}\u{FFFD}x\ty\n")
        #expect(ReportEscape.markup("a\r\nb") == "a&#13;\nb")
    }

    @Test func attributesKeepLineBreaks() {
        #expect(ReportEscape.attribute("a\nb\tc") == "a&#10;b&#9;c")
    }

    @Test(arguments: [("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
                      ("two\nlines", "\"two\nlines\""), ("=SUM(A1)", "'=SUM(A1)"), ("-1", "'-1"), ("@x,y", "\"'@x,y\"")])
    func csvFields(field: String, expected: String) {
        #expect(ReportEscape.csv(field) == expected)
    }

    @Test func pointsAndDurations() {
        #expect(Points.text(2) == "2")
        #expect(Points.text(1.5) == "1.5")
        #expect(Points.text(1 / 3) == "0.33")
        #expect(ReportFormat.duration(0.0451) == "45 ms")
        #expect(ReportFormat.duration(1.2) == "1.20 s")
        #expect(ReportFormat.duration(125) == "2 m 05 s")
    }
}
