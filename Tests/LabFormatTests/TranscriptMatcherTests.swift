import Testing
@testable import LabFormat

@Suite struct TranscriptMatcherTests {
    /// Expected lines as an author writes them (status lines excluded).
    func expected(_ lines: [String]) -> [ExpectedLine] {
        lines.enumerated().map { ExpectedLine(pattern: TranscriptParser.classify($0.element), text: $0.element, line: $0.offset + 1) }
    }

    func matches(_ want: [String], _ got: [String]) -> Bool {
        TranscriptMatcher.match(expected(want), got).matched
    }

    @Test(arguments: [
        // literal
        (["hello"], ["hello"], true),
        (["hello"], ["hello!"], false),
        (["a", "b"], ["a"], false),
        ([], [], true),
        ([], ["x"], false),
        // [..] only in literal lines
        (["-rw-r--r-- 1 root root 0 [..] /f.txt"], ["-rw-r--r-- 1 root root 0 Nov  1 17:49 /f.txt"], true),
        (["-rw-r--r-- 1 root root 0 [..] /f.txt"], ["-rw-r--r-- 1 root root 0 Nov  1 17:49 /g.txt"], false),
        (["[..]"], [""], true),
        (["a[..]b[..]c"], ["aXbYbc"], true),
        (["a[..]b (re)"], ["a[..]b"], false),
        // (re): whole line, Swift syntax
        (["Shared memory id: [0-9]+ (re)"], ["Shared memory id: 0"], true),
        (["Shared memory id: [0-9]+ (re)"], ["Shared memory id: 0 extra"], false),
        (["[0-9]+ (re)"], ["x12"], false),
        (["\\.\\.\\. (re)"], ["..."], true),
        (["\\[1\\] (re)"], ["[1]"], true),
        // (glob): * crosses /, ? one character
        (["/var/*/diff (glob)"], ["/var/lib/docker/overlay2/abc/diff"], true),
        (["?.txt (glob)"], ["a.txt"], true),
        (["?.txt (glob)"], ["ab.txt"], false),
        // backslash is literal in (glob) lines: the contract gives only * and ? a meaning
        (["C:\\dir\\* (glob)"], ["C:\\dir\\file.txt"], true),
        (["C:\\dir\\* (glob)"], ["C:dirfile.txt"], false),
        (["\\*.txt (glob)"], ["\\a.txt"], true),
        (["\\*.txt (glob)"], ["*.txt"], false),
        (["a*b (glob)"], ["a/x/b/c"], false),
        // ... backtracks
        (["...", "end"], ["end"], true),
        (["...", "end"], ["x", "y", "end"], true),
        (["start", "...", "x", "end"], ["start", "x", "x", "x", "end"], true),
        (["start", "...", "x", "end"], ["start", "x", "y", "end"], false),
        (["...", "...", "b"], ["a", "b"], true),
        (["...", "b", "..."], ["a", "b", "c", "b", "d"], true),
        (["..."], [], true),
        (["a", "..."], ["a", "b", "c"], true),
    ] as [([String], [String], Bool)])
    func matchingRules(want: [String], got: [String], result: Bool) {
        #expect(matches(want, got) == result, "\(want) vs \(got)")
    }

    @Test func namedGroupsAreCaptured() {
        let outcome = TranscriptMatcher.match(expected(["...", "(?<first>[a-z]+)-(?<second>[0-9]+) (re)", "done"]),
                                              ["noise", "abc-42", "done"])
        #expect(outcome.matched)
        #expect(outcome.captures == ["first": "abc", "second": "42"])
    }

    @Test func capturesComeFromTheMatchingPathOnly() {
        // The first candidate line matches the regex but the path through it fails.
        let outcome = TranscriptMatcher.match(expected(["...", "id=(?<id>[0-9]+) (re)", "end"]),
                                              ["id=1", "x", "id=2", "end"])
        #expect(outcome.captures == ["id": "2"])
        #expect(TranscriptMatcher.match(expected(["id=(?<id>[0-9]+) (re)"]), ["id=x"]).captures == [:])
    }

    @Test func exitStatusIsPartOfTheMatch() throws {
        let lab = try LabParser.parse(source: "```console {#x}\n$ false\n[1]\n$ true\n```\n", path: "l.md")
        guard case .transcript(let commands)? = lab.blocks.first?.body else { Issue.record("no transcript"); return }
        #expect(TranscriptMatcher.match(commands[0], output: "", status: 1).matched)
        #expect(!TranscriptMatcher.match(commands[0], output: "", status: 0).matched)
        #expect(TranscriptMatcher.match(commands[1], output: "\n\n", status: 0).matched)
        #expect(!TranscriptMatcher.match(commands[1], output: "", status: 2).matched)
        #expect(!TranscriptMatcher.match(commands[1], output: "", status: nil).matched)
    }

    @Test func cleaningRemovesANSITrailingSpacesAndEmptyLines() {
        #expect(OutputCleaner.lines("\u{1B}[31mred\u{1B}[0m   \nok\t\n\n\n") == ["red", "ok"])
        #expect(OutputCleaner.lines("\u{1B}]0;title\u{07}x\r\n") == ["x"])
        #expect(OutputCleaner.lines("10%\r50%\r100%\n") == ["100%"])
        #expect(OutputCleaner.lines("\nleading kept\n") == ["", "leading kept"])
        #expect(OutputCleaner.lines("") == [])
    }

    @Test func cleaningHandlesCharsetEscapesAndCarriageReturnsLikeATerminal() {
        // tput sgr0 prints ESC ( B: all three bytes go.
        #expect(OutputCleaner.lines("x\u{1B}(By\n") == ["xy"])
        #expect(OutputCleaner.lines("\u{1B}[1mbold\u{1B}(B\u{1B}[m\n") == ["bold"])
        // \r moves to the start of the line; later text overwrites only what it covers.
        #expect(OutputCleaner.lines("abc\rX\n") == ["Xbc"])
        #expect(OutputCleaner.lines("abc\r\n") == ["abc"])
        #expect(OutputCleaner.lines("a\rbcd\rX\n") == ["Xcd"])
    }

    @Test func aBlankLineBeforeTheStatusIsNotExpectedOutput() throws {
        let lab = try LabParser.parse(source: "```console {#b}\n$ sh -c 'echo x; exit 1'\nx\n\n[1]\n```\n", path: "l.md")
        guard case .transcript(let commands)? = lab.blocks.first?.body else { Issue.record("no transcript"); return }
        #expect(commands[0].expected.map(\.text) == ["x"])
        #expect(commands[0].expectedStatus == 1)
        #expect(TranscriptMatcher.match(commands[0], output: "x\n", status: 1).matched)
    }

    @Test func captureNamesAreFoundInRegexSource() {
        #expect(LineMatcher.captureNames("(?<cid>[0-9a-f]+) (?P<b>x)(?'c'y)") == ["cid", "b", "c"])
        #expect(LineMatcher.captureNames("(?<=a)b(?<!c)\\(?<no>x\\)") == [])
    }

    @Test func expectationsAreCleanedToo() throws {
        let source = "```console {#x}\n$ echo hi\nhi   \n\n\n$ true\n```\n"
        let lab = try LabParser.parse(source: source, path: "l.md")
        guard case .transcript(let commands)? = lab.blocks.first?.body else { Issue.record("no transcript"); return }
        #expect(commands[0].expected.map(\.text) == ["hi"])
        #expect(commands[1].expected.isEmpty)
    }

    @Test func diffNamesTheLabLineAndShowsBothSides() throws {
        let lab = try LabParser.parse(source: "# t\n\n```console {#x}\n$ ls\na\n...\nc (glob)\n[1]\n```\n", path: "Labs/x.md")
        guard case .transcript(let commands)? = lab.blocks.first?.body else { Issue.record("no transcript"); return }
        // "..." takes b and d for free, so the one edit is the missing "c".
        let diff = TranscriptDiff.render(commands[0], actual: ["a", "b", "d"], status: 0, location: "Labs/x.md:4")
        #expect(diff == """
            --- expected Labs/x.md:4
            +++ actual
             a
             b
             d
            -c (glob)
            -[1]
            +[0]
            """)
        let plain = TranscriptCommand(command: "ls", line: 4, expected: expected(["a", "b", "c"]), expectedStatus: 0)
        let mismatch = TranscriptDiff.render(plain, actual: ["a", "x", "c"], status: 0, location: "Labs/x.md:4")
        #expect(mismatch == "--- expected Labs/x.md:4\n+++ actual\n a\n-b\n+x\n c")
        let killed = TranscriptDiff.render(commands[0], actual: ["a", "c"], status: nil, location: "Labs/x.md:4")
        #expect(killed.hasSuffix("-[1]\n+(killed, no exit status)"))
    }
}
