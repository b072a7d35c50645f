import Foundation
import Testing
@testable import LabFormat

@Suite struct AnswersParserTests {
    static let lab = """
    # L

    ```console {#warmup}
    $ true
    ```

    ```sh {check #one}
    true
    ```

    ```sh {check #two points=2}
    true
    ```
    """

    @Test func readsEveryAnswerBlockAndIgnoresProse() throws {
        let answers = try AnswersParser.parse(source: """
            # My answers

            Plain code is prose:

            ```sh
            echo not an answer
            ```

            ```sh {answer for=#one}
            docker run -d --name minimal busybox sleep 3600
            echo done
            ```

            - In a list:

              ```bash {for=#two answer}
              true
              ```
            """, path: "ada.md", lab: try LabParser.parse(source: Self.lab, path: "lab.md"))
        #expect(answers.keys.sorted() == ["one", "two"])
        #expect(answers["one"]?.script == "docker run -d --name minimal busybox sleep 3600\necho done")
        #expect(answers["one"]?.location == SourceLocation(line: 9, column: 1))
        #expect(answers["one"]?.path == "ada.md")
        #expect(answers["two"]?.script == "true")
        #expect(answers["two"]?.location == SourceLocation(line: 16, column: 3))
    }

    @Test func everyProblemHasItsPosition() throws {
        let source = """
            ```sh {answer}
            a
            ```

            ```console {answer for=#one}
            $ b
            ```

            ```sh {answer for=#one colour=red}
            c
            ```

            ```sh {answer for=#one}
            d
            ```

            ```sh {answer for=#one}
            e
            ```

            ```sh {answer for=#nothing}
            f
            ```

            ```sh {#one check}
            g
            ```

            <!-- lab:solution for=#one
            h
            -->
            """
        let lab = try LabParser.parse(source: Self.lab, path: "lab.md")
        let error = try #require(throws: LabValidationError.self) { try AnswersParser.parse(source: source, path: "a.md", lab: lab) }
        let found = error.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        let tail = " in an answers file (an answer block is ```sh {answer for=#id})"
        #expect(found == [
            "1:1 an answer needs for=#id naming the check it answers",
            "5:1 an answer is a shell script: use ```sh {answer for=#id}, not 'console'",
            "9:24 unknown attribute 'colour=red'" + tail,
            "17:15 a second answer for #one (the first is on line 13)",
            "21:15 for=#nothing names no check of lab.md",
            "25:1 a block of an answers file must be an answer: ```sh {answer for=#id}",
            "25:8 unknown attribute '#one'" + tail,
            "25:13 unknown attribute 'check'" + tail,
            "29:1 an answers file holds only answer blocks (```sh {answer for=#id}), not lab:solution",
        ])
    }

    @Test func aFileThatIsNotARegularFileOrTooLargeIsRefusedWithItsPath() throws {
        let dir = NSTemporaryDirectory() + "isolab-answers-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let big = dir + "/big.md"
        try Data(repeating: UInt8(ascii: "a"), count: AnswersParser.sizeLimit + 1).write(to: URL(fileURLWithPath: big))
        for (path, message) in [(dir, "not a regular file"), ("/dev/zero", "not a regular file"),
                                (big, "larger than"), (dir + "/missing.md", "cannot read")] {
            let error = try #require(throws: LabValidationError.self) { try AnswersParser.parse(file: path) }
            #expect(error.description.hasPrefix("\(path):1:1: "), "\(error)")
            #expect(error.description.contains(message), "\(error)")
        }
    }
}
