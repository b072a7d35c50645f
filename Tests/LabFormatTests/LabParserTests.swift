import Testing
@testable import LabFormat

@Suite struct LabParserTests {
    @Test func findsOnlyExecutableBlocksWithPositions() throws {
        let lab = try FixtureLoader.parse("valid")
        #expect(lab.title == "Namespaces, briefly")
        #expect(lab.blocks.map(\.id) == ["setup-1", "ls-missing", "uts", "solution-1", "step-2", "step-3", "cpu", "cleanup-1"])
        #expect(lab.blocks.map(\.kind) == [.setup, .step, .check, .solution, .step, .step, .step, .cleanup])
        #expect(lab.blocks.map(\.location) == [
            SourceLocation(line: 11, column: 1), SourceLocation(line: 15, column: 1),
            SourceLocation(line: 21, column: 1), SourceLocation(line: 25, column: 1),
            SourceLocation(line: 31, column: 3), SourceLocation(line: 41, column: 1),
            SourceLocation(line: 45, column: 1), SourceLocation(line: 49, column: 1),
        ])
        #expect(lab.blocks.map(\.endLine) == [13, 19, 23, 27, 39, 43, 47, 51])
    }

    @Test func readsTranscriptCommandsAndStatus() throws {
        let lab = try FixtureLoader.parse("valid")
        let block = try #require(lab.block(id: "ls-missing"))
        guard case .transcript(let commands) = block.body else { Issue.record("not a transcript"); return }
        #expect(commands.count == 1)
        #expect(commands[0].command == "docker exec c2 ls /f.txt")
        #expect(commands[0].line == 16)
        #expect(commands[0].expectedStatus == 1)
        #expect(commands[0].expected.map(\.text) == ["ls: /f.txt: No such file or directory"])
        #expect(commands[0].expected.map(\.line) == [17])
    }

    @Test func readsContinuationsAndPatternsInsideAList() throws {
        let lab = try FixtureLoader.parse("valid")
        let block = try #require(lab.block(id: "step-2"))
        #expect(block.retry == 5)
        guard case .transcript(let commands) = block.body else { Issue.record("not a transcript"); return }
        #expect(commands[0].command == "cat <<'EOF'\nhello\nEOF")
        #expect(commands[0].line == 32)
        #expect(commands[0].expected.map(\.pattern) == [
            .literal("hello"), .ellipsis, .regex("id: (?<cid>[0-9a-f]+)"), .glob("*.txt"),
        ])
        #expect(commands[0].expected.map(\.line) == [35, 36, 37, 38])
    }

    /// `hint` may repeat: the hints keep their order, the Nth failure gets the Nth, the last stays;
    /// every other value attribute is still refused twice.
    @Test func repeatedHintsAreTiers() throws {
        let lab = try LabParser.parse(source: """
            ```sh {check #tiers hint="the concept" points=2 hint="where to look" hint="use \\"--flag\\""}
            true
            ```
            """, path: "lab.md")
        let check = try #require(lab.block(id: "tiers"))
        #expect(check.hints == ["the concept", "where to look", "use \"--flag\""])
        #expect(check.hint == "the concept")
        #expect((0...5).map { check.hint(afterFailures: $0) }
                == ["the concept", "the concept", "where to look", "use \"--flag\"", "use \"--flag\"", "use \"--flag\""])
        let plain = try LabParser.parse(source: "```sh {check #x}\ntrue\n```\n", path: "lab.md")
        #expect(try #require(plain.block(id: "x")).hint(afterFailures: 1) == nil)
        #expect(FixtureLoader.diagnostics("```sh {points=1 check points=2}\ntrue\n```\n").map(\.message)
                == ["duplicate attribute 'points'"])
    }

    @Test func measureTakesACgroupPath() throws {
        let lab = try LabParser.parse(source: "```sh {#m measure=cgroup:/lab8/${id} window=2s expect-cores=0.2..0.3}\ntrue\n```\n", path: "lab.md")
        let measure = try #require(lab.block(id: "m")?.measure)
        #expect(measure == MeasureSpec(target: .cgroup("/lab8/${id}"), window: 2, expectedCores: 0.2...0.3))
        #expect(measure.container == nil)
        for (attribute, message) in [("measure=cgroup:a/../b", "contains '.' or '..'"),
                                     ("measure=cgroup:/", "names no cgroup"),
                                     ("measure=cgroup:", "malformed measure")] {
            let found = FixtureLoader.diagnostics("```sh {\(attribute)}\ntrue\n```\n").map(\.message)
            #expect(found.count == 1 && found[0].contains(message), "\(attribute): \(found)")
        }
        #expect(CgroupMeasurePath.expand("a/${x}/$y-z", ["x": "1", "y": "2"]) == .success("a/1/2-z"))
        #expect(CgroupMeasurePath.expand("a/${x", ["x": "1"]) == .failure(.init(message: "an unclosed ${ in a/${x")))
        #expect(CgroupMeasurePath.expand("a/$", [:]) == .failure(.init(message: "a '$' without a capture name in a/$")))
    }

    @Test func readsAttributes() throws {
        let lab = try FixtureLoader.parse("valid")
        let check = try #require(lab.block(id: "uts"))
        #expect(check.points == 2)
        #expect(check.timeout == 0.5)
        #expect(check.hint == "compare \"hostname\" output")
        #expect(check.language == "sh")
        #expect(check.body == .script("test \"$a\" != \"$b\""))
        let solution = try #require(lab.block(id: "solution-1"))
        #expect(solution.solutionFor == "uts")
        #expect(solution.timeout == 120)
        #expect(solution.hidden)
        #expect(solution.body == .script("echo solved"))
        #expect(lab.solutions(for: "uts").map(\.id) == ["solution-1"])
        let background = try #require(lab.block(id: "step-3"))
        #expect(background.background)
        #expect(background.points == 0)
        let cpu = try #require(lab.block(id: "cpu"))
        #expect(cpu.measure == MeasureSpec(container: "c1", window: 2, expectedCores: 0.4...0.6))
        #expect(lab.block(id: "cleanup-1")?.body == .script("docker rm -f c1"))
    }

    @Test func reportsEveryErrorWithItsPosition() throws {
        let found = FixtureLoader.diagnostics(try FixtureLoader.source("invalid"), path: "invalid.md")
        let expected: [(Int, Int, String)] = [
            (3, 16, "unknown attribute 'colour=red'"),
            (7, 8, "duplicate id 'a' (first used on line 3)"),
            (7, 11, "points is only for checks"),
            (11, 14, "malformed duration timeout=5"),
            (11, 24, "malformed duration retry=1x"),
            (15, 8, "window needs measure=cpu:NAME or measure=cgroup:PATH"),
            (15, 18, "expect-cores needs measure=cpu:NAME or measure=cgroup:PATH"),
            (19, 14, "a check cannot run in the background"),
            (23, 8, "background cannot be combined with retry"),
            (28, 1, "a transcript must start with a '$ ' command"),
            (32, 1, "a solution needs for=#id"),
            (36, 19, "for=#nothing names no check"),
            (40, 1, "unknown language 'python'"),
            (46, 1, "invalid regular expression"),
            (49, 23, "malformed range expect-cores=a..b"),
            (49, 41, "malformed duration window=0s"),
            (53, 10, "unknown hidden block 'lab:teardown'"),
        ]
        #expect(found.count == expected.count)
        for (line, column, message) in expected {
            #expect(found.contains { $0.location == SourceLocation(line: line, column: column) && $0.message.contains(message) },
                    "missing \(line):\(column): \(message)")
        }
        #expect(found.allSatisfy { $0.file == "invalid.md" })
        #expect(found.first?.description.hasPrefix("invalid.md:3:16: unknown attribute") == true)
    }

    @Test(arguments: [
        ("```sh {check for=#x}\ntrue\n```\n", "for= is only for solutions"),
        ("```sh {#x #y}\ntrue\n```\n", "a block has one id"),
        ("```sh {step check}\ntrue\n```\n", "is a second kind"),
        ("```sh {hint=\"open\n```\n", "unterminated quoted value"),
        ("```sh {#x\ntrue\n```\n", "without a closing '}'"),
        ("```sh {#x} extra\ntrue\n```\n", "unexpected text after"),
        ("```sh {timeout=1s timeout=2s}\ntrue\n```\n", "duplicate attribute 'timeout'"),
        ("```sh {measure=mem:c1}\ntrue\n```\n", "malformed measure"),
        ("```sh {points}\ntrue\n```\n", "needs a value"),
        ("```console {#e}\n```\n", "empty transcript"),
        ("```sh {check #c}\ntrue\n```\n```sh {solution for=#s}\ntrue\n```\n```sh {#s}\ntrue\n```\n", "names a block that is not a check"),
        ("<!-- lab:setup\ntrue\n", "without a closing '-->'"),
    ])
    func rejects(source: String, message: String) {
        let found = FixtureLoader.diagnostics(source)
        #expect(found.contains { $0.message.contains(message) }, "\(found)")
    }

    @Test func acceptsATildeFenceCheckWithFractionalPointsAndAStandaloneHiddenBlock() throws {
        let lab = try LabParser.parse(source: "<!-- lab:cleanup -->\n~~~sh {check points=0.5 #z}\ntrue\n~~~\n", path: "x.md")
        #expect(lab.blocks.map(\.id) == ["cleanup-1", "z"])
        #expect(lab.block(id: "z")?.points == 0.5)
        #expect(lab.block(id: "cleanup-1")?.body == .script(""))
        #expect(lab.title == "x.md")
    }

    @Test func backgroundMayBeCombinedWithMeasure() throws {
        let lab = try LabParser.parse(source: "```sh {measure=cpu:c background}\ntrue\n```\n", path: "x.md")
        #expect(lab.blocks.first?.background == true && lab.blocks.first?.measure?.container == "c")
    }

    @Test func durationsAndRanges() {
        #expect(LabDuration.seconds("500ms") == 0.5)
        #expect(LabDuration.seconds("30s") == 30)
        #expect(LabDuration.seconds("1.5s") == 1.5)
        #expect(LabDuration.seconds("2m") == 120)
        for bad in ["5", "s", "-1s", "0s", "1e3s", "infs", "1..2s", "1 s"] { #expect(LabDuration.seconds(bad) == nil, "\(bad)") }
        #expect(LabDuration.range("0.40..0.60") == 0.4...0.6)
        #expect(LabDuration.range("1..1") == 1...1)
        for bad in ["1..0.5", "a..b", "1.2", "..1", "1..", "-1..1"] { #expect(LabDuration.range(bad) == nil, "\(bad)") }
    }
}

@Suite struct LabParserEdgeTests {
    func transcript(_ source: String) throws -> (LabBlock, [TranscriptCommand]) {
        let lab = try LabParser.parse(source: source, path: "e.md")
        let block = try #require(lab.blocks.first)
        guard case .transcript(let commands) = block.body else { throw Unexpected() }
        return (block, commands)
    }
    struct Unexpected: Error {}

    @Test func fencesInBlockquotesIndentedOrLongerStillRun() throws {
        let (quoted, quotedCommands) = try transcript("intro\n\n> ```console {#q}\n> $ echo hi\n> hi\n> ```\n")
        #expect(quoted.id == "q" && quoted.location == SourceLocation(line: 3, column: 3))
        #expect(quotedCommands.first?.expected.map(\.text) == ["hi"])
        let (indented, _) = try transcript("   ```console {#i}\n   $ true\n   ```\n")
        #expect(indented.id == "i")
        let (long, longCommands) = try transcript("````console {#l}\n$ cat <<'EOF'\n> ```\n> EOF\n```\n````\n")
        #expect(long.id == "l")
        #expect(longCommands.first?.command == "cat <<'EOF'\n```\nEOF")
    }

    @Test func crlfFilesParseLikeLFFiles() throws {
        let (block, commands) = try transcript("# T\r\n\r\n```console {#c timeout=2s}\r\n$ echo hi\r\nhi\r\n```\r\n")
        #expect(block.timeout == 2 && block.location.line == 3)
        #expect(commands.first?.command == "echo hi")
        #expect(commands.first?.expected.map(\.text) == ["hi"])
    }

    @Test func attributeColumnsCountBytes() {
        let found = FixtureLoader.diagnostics("# é\n\n```sh {hint=\"héllo\" bogus}\ntrue\n```\n")
        #expect(found.map(\.description) == ["lab.md:3:22: unknown attribute 'bogus'"])
    }

    @Test func anEmptyAttributeListMakesAStep() throws {
        let lab = try LabParser.parse(source: "```sh {}\ntrue\n```\n", path: "e.md")
        #expect(lab.blocks.map(\.id) == ["step-1"])
    }

    @Test func ordinaryCommentsAndUnmarkedFencesAreProse() throws {
        let lab = try LabParser.parse(source: "<!-- note -->\n\n```console\n$ rm -rf /\n```\n\n    $ indented {#x}\n", path: "e.md")
        #expect(lab.blocks.isEmpty)
    }
}

/// Findings of the review against the contract (lab-format.md), one test each.
@Suite struct LabParserReviewTests {
    @Test func indentedCodeThatLooksLikeAFenceIsProse() throws {
        let lab = try LabParser.parse(source: """
            # Indented

            Example:

                ```sh {#demo}
                echo ran-from-prose > /tmp/PROSE-RAN
                ```

                ```console {#example frob}
                $ echo hi
                ```
            """, path: "e.md")
        #expect(lab.blocks.isEmpty)
    }

    @Test func labCommentsInsideOtherHTMLOrInlineAreRun() throws {
        let lab = try LabParser.parse(source: """
            # Hidden solution inside details

            ```console {check #c1}
            $ cat /tmp/x
            yes
            ```

            <details><summary>Solution</summary>
            <!-- lab:solution for=#c1
            echo yes > /tmp/x
            -->
            </details>

            Text <!-- lab:setup
            echo inline -->
            """, path: "d.md")
        #expect(lab.blocks.map(\.id) == ["c1", "solution-1", "setup-1"])
        let solution = try #require(lab.block(id: "solution-1"))
        #expect(solution.solutionFor == "c1")
        #expect(solution.body == .script("echo yes > /tmp/x"))
        #expect(solution.location == SourceLocation(line: 9, column: 1))
        #expect(solution.endLine == 11)
        let setup = try #require(lab.block(id: "setup-1"))
        #expect(setup.body == .script("echo inline "))
        #expect(setup.location == SourceLocation(line: 14, column: 6))
    }

    @Test func labCommentsInsideContainersKeepTheirScriptAndColumns() throws {
        let lab = try LabParser.parse(source: "> <!-- lab:setup\n> echo hi\n> -->\n\n- item\n\n  <!-- lab:cleanup\n  echo bye\n  -->\n",
                                      path: "q.md")
        #expect(lab.blocks.map(\.id) == ["setup-1", "cleanup-1"])
        #expect(lab.block(id: "setup-1")?.location == SourceLocation(line: 1, column: 3))
        #expect(lab.block(id: "setup-1")?.body == .script("echo hi"))
        #expect(lab.block(id: "setup-1")?.endLine == 3)
        #expect(lab.block(id: "cleanup-1")?.location == SourceLocation(line: 7, column: 3))
        #expect(lab.block(id: "cleanup-1")?.body == .script("echo bye"))
    }

    @Test func anUnusableLabCommentInsideHTMLIsAnError() {
        // A blank line ends the <details> HTML block before the comment closes.
        let found = FixtureLoader.diagnostics("<details>\n<!-- lab:setup\necho a\n\necho b\n-->\n</details>\n")
        #expect(found.map(\.location) == [SourceLocation(line: 2, column: 1)])
        #expect(found.first?.message.contains("without a closing '-->'") == true)
        let split = FixtureLoader.diagnostics("<!--\nlab:setup\ntrue\n-->\n")
        #expect(split.map(\.description) == ["lab.md:1:1: a lab comment needs 'lab:' on the line of its '<!--' (<!-- lab:KIND ...)"])
        let splitInline = FixtureLoader.diagnostics("Text <!--\nlab:setup\ntrue -->\n")
        #expect(splitInline.map(\.location) == [SourceLocation(line: 1, column: 1)])
        let kind = FixtureLoader.diagnostics("<div>\n  <!-- lab:step -->\n</div>\n")
        #expect(kind.map(\.description) == ["lab.md:2:12: unknown hidden block 'lab:step': use lab:setup, lab:cleanup or lab:solution"])
    }

    @Test func errorsPointAtTheOffendingToken() {
        let duplicate = FixtureLoader.diagnostics("```sh {#a}\ntrue\n```\n\n```sh {check #a}\ntrue\n```\n")
        #expect(duplicate.map(\.description) == ["lab.md:5:14: duplicate id 'a' (first used on line 1)"])
        let target = FixtureLoader.diagnostics("```sh {solution for=#none}\ntrue\n```\n")
        #expect(target.map(\.description) == ["lab.md:1:17: for=#none names no check"])
        let stray = FixtureLoader.diagnostics("```sh {#x}  extra\ntrue\n```\n")
        #expect(stray.map(\.description) == ["lab.md:1:13: unexpected text after the attribute list"])
    }

    @Test func capturesCannotReplaceResetVariables() {
        let found = FixtureLoader.diagnostics("```console {#c}\n$ echo /x\n(?<PATH>.*) (re)\n$ echo y\n(?<ISOLAB_ROOT>.*) (re)\n```\n")
        #expect(found.map(\.location) == [SourceLocation(line: 3, column: 1), SourceLocation(line: 5, column: 1)])
        #expect(found.allSatisfy { $0.message.contains("a variable isolab sets") })
    }

    @Test func statusAbove255AndZeroPointsAreErrors() {
        let status = FixtureLoader.diagnostics("```console {#c}\n$ true\n[256]\n```\n")
        #expect(status.map(\.description) == ["lab.md:3:1: exit status [256] out of range: 0...255"])
        let huge = FixtureLoader.diagnostics("```console {#c}\n$ true\n[99999999999999999999999]\n```\n")
        #expect(huge.count == 1)
        let zero = FixtureLoader.diagnostics("```sh {check points=0}\ntrue\n```\n")
        #expect(zero.map(\.location) == [SourceLocation(line: 1, column: 14)])
        #expect(FixtureLoader.diagnostics("```console {#c}\n$ sh -c 'exit 255'\n[255]\n```\n").isEmpty)
    }
}
