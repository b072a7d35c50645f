import Testing
@testable import LabReports

@Suite struct HTMLDiffTests {
    @Test func headersOnlyAtTheTop() {
        let diff = "--- expected labs/a.md:4\n+++ actual\n same\n-old\n--- not a header\n+new"
        #expect(HTMLReport.diffHTML(diff) == """
            <span class="hunk">--- expected labs/a.md:4</span><span class="hunk">+++ actual</span> same
            <span class="del">-old</span><span class="del">--- not a header</span><span class="ins">+new</span>
            """)
    }
}
