import Testing
@testable import LabFormat

/// `env="K=V K2=V2"`: variables a block's commands run with.
@Suite struct EnvAttributeTests {
    private func problems(_ attributes: String) -> [String] {
        FixtureLoader.diagnostics("```sh {\(attributes)}\ntrue\n```\n").map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    @Test func readsVariablesWithQuotedValues() throws {
        let lab = try LabParser.parse(source: #"""
            ```console {#greet env="NAME=world MSG=\"two words\" EMPTY= _X9=1"}
            $ echo "$MSG $NAME"
            two words world
            ```

            ```sh {#plain}
            true
            ```
            """#, path: "lab.md")
        let block = try #require(lab.block(id: "greet"))
        #expect(block.environment == ["NAME": "world", "MSG": "two words", "EMPTY": "", "_X9": "1"])
        #expect(try #require(lab.block(id: "plain")).environment.isEmpty)
    }

    @Test func refusesANameThatIsNotAShellIdentifier() {
        // `{` is column 7; `env="` puts the value at column 13.
        #expect(problems(#"env="GOOD=1 9LIVES=x""#)
                == ["1:20: env: '9LIVES' is not a variable name (letters, digits and _, not starting with a digit)"])
        #expect(problems(#"env="A-B=1""#).count == 1)
        #expect(problems(#"env="PATH=/tmp""#) == ["1:13: env: PATH is set by isolab (PATH and ISOLAB_* decide which docker runs and where)"])
        #expect(problems(#"env="ISOLAB_NAMESPACE=x""#).count == 1)
        #expect(problems(#"env="ALONE""#) == ["1:13: env: 'ALONE' needs a value (ALONE=...)"])
        #expect(problems(#"env="""#) == ["1:8: env= needs at least one NAME=VALUE"])
    }

    @Test func refusesADuplicateName() {
        #expect(problems(#"env="A=1 B=2 A=3""#) == ["1:21: env: duplicate variable 'A'"])
        #expect(problems(#"env="A=1" env="B=2""#) == ["1:18: duplicate attribute 'env'"])
    }

    /// Every command of the block gets these variables, and the kernel refuses an environment
    /// past its limits (E2BIG at exec): a block may set at most 64, of at most 32 KiB together.
    @Test func limitsTheNumberAndSizeOfTheVariables() throws {
        let sixtyFour = (1...64).map { "V\($0)=x" }.joined(separator: " ")
        #expect(problems("env=\"\(sixtyFour)\"").isEmpty)
        // The 65th variable starts after `env="` (value at column 13) and the 64 before it.
        let column = 13 + sixtyFour.utf8.count + 1
        #expect(problems("env=\"\(sixtyFour) V65=x V66=y\"")
                == ["1:\(column): env: more than 64 variables, the limit for one block"])

        // NAME=VALUE and its NUL, counted together: `A=` and 32,765 bytes fill the 32 KiB exactly.
        let full = String(repeating: "a", count: 32 * 1024 - 3)
        let lab = try LabParser.parse(source: "```sh {env=\"A=\(full)\"}\ntrue\n```\n", path: "lab.md")
        #expect(lab.blocks[0].environment["A"]?.utf8.count == full.utf8.count)
        #expect(problems("env=\"A=\(full)a\"") == ["1:13: env: the variables take more than 32 KiB (NAME=VALUE), the limit for one block"])
        // A (32,766 bytes with `A=` and its NUL) fits, B's 4 more do not.
        #expect(problems("env=\"A=\(full.dropLast(2)) B=1\"")
                == ["1:\(13 + full.utf8.count + 1): env: the variables take more than 32 KiB (NAME=VALUE), the limit for one block"])
    }

    /// An unterminated quote inside the value is reported where its variable starts, counting
    /// the backslashes that escaped the quotes before it.
    @Test func reportsAnUnterminatedQuoteAtItsVariable() {
        #expect(problems(#"env="A=\"x\" B=\"open""#) == ["1:21: env: unterminated quoted value of 'B'"])
        // The whole attribute unterminated: the list's own error, at `env`.
        #expect(problems(#"env="A=1"#) == ["1:8: unterminated quoted value of 'env'"])
    }

    /// The table decides what is an attribute: a flag with a value, or a value attribute bare,
    /// is refused as before.
    @Test func theTableKeepsTheOldErrors() {
        #expect(problems("env") == ["1:8: attribute 'env' needs a value (env=...)"])
        #expect(problems("background=1") == ["1:8: unknown attribute 'background=1'"])
        #expect(problems("check background retry=1s").sorted()
                == ["1:14: a check cannot run in the background", "1:14: background cannot be combined with retry"])
    }
}
