import Testing
@testable import LabFormat

/// Inputs that took the parser quadratic time (seconds to minutes): each must complete and say
/// the right thing. Their speed is measured by bench/lab-check.sh, not here.
@Suite struct LargeLabTests {
    static func diagnostics(_ source: String) -> [LabDiagnostic] { FixtureLoader.diagnostics(source) }

    @Test func aFortyKilobyteAttributeListHasAColumnPerToken() {
        let found = Self.diagnostics("```sh {" + String(repeating: "a=b ", count: 10_000) + "}\ntrue\n```\n")
        #expect(found.count == 10_000)
        #expect(found.first?.description == "lab.md:1:8: unknown attribute 'a=b'")
        #expect(found.last?.location == SourceLocation(line: 1, column: 8 + 4 * 9_999))
    }

    @Test func eightThousandLabCommentsInOneUnclosedCommentAreOneError() {
        let found = Self.diagnostics(String(repeating: "<!-- lab:setup\n", count: 8_000))
        #expect(found.map(\.description) == ["lab.md:1:1: hidden block without a closing '-->'"])
    }

    @Test func aLabCommentInsideAnotherIsPartOfItsScript() throws {
        // HTML comments do not nest: the inner `<!-- lab:` is text of the outer one.
        let lab = try LabParser.parse(source: "<!-- lab:setup\necho a\n<!-- lab:cleanup\necho b\n--> <!-- lab:cleanup -->\n",
                                      path: "x.md")
        #expect(lab.blocks.map(\.id) == ["setup-1", "cleanup-1"])
        #expect(lab.blocks[0].body == .script("echo a\n<!-- lab:cleanup\necho b"))
        #expect(lab.blocks[1].location == SourceLocation(line: 5, column: 5))
    }

    @Test func sixteenThousandInlineLabCommentsAreEachABlock() throws {
        let source = String(repeating: "text <!-- lab:setup -->\n", count: 16_000)
        let lab = try LabParser.parse(source: source, path: "x.md")
        #expect(lab.blocks.count == 16_000)
        #expect(lab.blocks.first?.location == SourceLocation(line: 1, column: 6))
        #expect(lab.blocks.last?.location == SourceLocation(line: 16_000, column: 6))
    }

    @Test func manyLabCommentsOnOneLineOfHTML() throws {
        let source = "<div>" + String(repeating: "<!-- lab:setup -->", count: 5_000) + "</div>\n"
        let lab = try LabParser.parse(source: source, path: "x.md")
        #expect(lab.blocks.count == 5_000)
        #expect(lab.blocks.last?.location == SourceLocation(line: 1, column: 6 + 18 * 4_999))
    }

    @Test func aHundredThousandOrphanSolutionsAreEachReported() {
        let found = Self.diagnostics(String(repeating: "<!-- lab:solution for=#nope -->\n\n", count: 100_000))
        #expect(found.count == 100_000)
        #expect(found.allSatisfy { $0.message == "for=#nope names no check" })
        #expect(found.last?.location == SourceLocation(line: 199_999, column: 19))
    }

    @Test func aTenMegabyteRegularExpressionIsRefusedUncompiled() {
        let found = Self.diagnostics("```console {#r}\n$ true\n" + String(repeating: "a", count: 10 << 20) + " (re)\n```\n")
        #expect(found.map(\.description) == [
            "lab.md:3:1: regular expression longer than 4096 bytes; match a long line with [..] or (glob)",
        ])
    }
}
