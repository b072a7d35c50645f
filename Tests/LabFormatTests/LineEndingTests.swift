import Testing
@testable import LabFormat

/// cmark ends a line at `\n`, `\r\n` and a lone `\r`; the parser must number lines and columns
/// the same way, or a block after a `\r` vanishes or takes its attributes from the wrong line.
@Suite struct LineEndingTests {
    /// A lab with a check, a transcript, a hidden block, an inline lab comment and an error,
    /// written with `\n`; the tests give it each line ending.
    static let lines = [
        "# Endings",                              // 1
        "",                                       // 2
        "```sh {#first check points=2}",          // 3
        "true",                                   // 4
        "```",                                    // 5
        "",                                       // 6
        "```console {#second timeout=2s}",        // 7
        "$ echo a",                               // 8
        "a",                                      // 9
        "[0]",                                    // 10
        "```",                                    // 11
        "",                                       // 12
        "<!-- lab:setup",                         // 13
        "echo set",                               // 14
        "-->",                                    // 15
        "",                                       // 16
        "Text <!-- lab:cleanup",                  // 17
        "echo bye",                               // 18
        "--> more text",                          // 19
        "",                                       // 20
        "```sh {#last check}",                    // 21
        "false",                                  // 22
        "```",                                    // 23
    ]

    static func lab(_ ending: String) throws -> Lab {
        try LabParser.parse(source: lines.joined(separator: ending) + ending, path: "e.md")
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func everyLineEndingGivesTheSameLab(ending: String) throws {
        let lab = try Self.lab(ending)
        #expect(lab.title == "Endings")
        #expect(lab.blocks.map(\.id) == ["first", "second", "setup-1", "cleanup-1", "last"])
        #expect(lab.blocks.map(\.location) == [
            SourceLocation(line: 3, column: 1), SourceLocation(line: 7, column: 1), SourceLocation(line: 13, column: 1),
            SourceLocation(line: 17, column: 6), SourceLocation(line: 21, column: 1),
        ])
        #expect(lab.blocks.map(\.endLine) == [5, 11, 15, 19, 23])
        #expect(lab.blocks[0].points == 2 && lab.blocks[0].body == .script("true"))
        #expect(lab.blocks[1].timeout == 2)
        guard case .transcript(let commands) = lab.blocks[1].body else { Issue.record("not a transcript"); return }
        #expect(commands.map(\.command) == ["echo a"])
        #expect(commands.map(\.line) == [8])
        #expect(commands[0].expected.map(\.text) == ["a"])
        #expect(commands[0].expected.map(\.line) == [9])
        #expect(lab.blocks[2].body == .script("echo set"))
        #expect(lab.blocks[3].kind == .cleanup && lab.blocks[3].body == .script("echo bye"))
        #expect(lab.blocks[4].kind == .check && lab.blocks[4].body == .script("false"))
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func errorsPointAtTheSameLineAndColumn(ending: String) {
        let source = ["# E", "", "```sh {#a check}", "true", "```", "", "```sh {check points=x colour=red}", "true", "```"]
            .joined(separator: ending) + ending
        #expect(FixtureLoader.diagnostics(source, path: "e.md").map(\.description) == [
            "e.md:7:14: malformed points 'x': a number > 0",
            "e.md:7:23: unknown attribute 'colour=red'",
        ])
    }

    @Test func aCROnlyFileIsNotEmpty() throws {
        // Before, the whole file was one line to the scanner: "ok, 0 blocks".
        let lab = try LabParser.parse(source: "```sh {check}\rtrue\r```\r", path: "cr.md")
        #expect(lab.blocks.map(\.id) == ["check-1"])
    }

    @Test func mixedEndingsAreEachALine() {
        #expect(SourceLines.split("a\rb\r\nc\nd\r\r\ne") == ["a", "b", "c", "d", "", "e"])
        #expect(SourceLines.split("") == [""])
        #expect(SourceLines.split("x\r") == ["x", ""])
    }
}
