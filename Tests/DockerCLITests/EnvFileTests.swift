import ContainerRuntime
import Foundation
import Testing
@testable import DockerCLI

/// `--env-file` as docker/cli's kvfile reads it, and its errors in docker/cli's words (a read
/// error is reported, never an empty environment).
struct EnvFileTests {
    func parse(_ bytes: [UInt8], env: [String: String] = [:]) -> String {
        do { return try EnvFile.parse(Data(bytes)) { env[$0] }.joined(separator: "|") } catch let e as DockerClientError {
            return e.text
        } catch { return "\(error)" }
    }
    func parse(_ text: String, env: [String: String] = [:]) -> String { parse(Array(text.utf8), env: env) }

    func temporary(_ body: (String) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("isolab-envfile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try body(dir)
    }

    func readError(_ path: String) -> String {
        do { return "read: " + (try EnvFile.read(path)).joined(separator: "|") } catch let e as DockerClientError {
            return e.text
        } catch { return "\(error)" }
    }

    @Test func linesAsKvfileReadsThem() {
        #expect(parse("# c\nA=1\n\n  B=two words \nC\nD\r\nE==x", env: ["C": "from caller"]) == "A=1|B=two words |C=from caller|E==x")
        #expect(parse("A=1", env: [:]) == "A=1")
        #expect(parse("C\n", env: ["C": "from caller"]) == "C=from caller")
        #expect(parse([0xEF, 0xBB, 0xBF] + Array("A=1\n".utf8)) == "A=1", "a BOM on the first line is dropped")
        #expect(parse(Array("\u{a0}\u{2003}\tA=1\n".utf8)) == "A=1", "leading Unicode white space is trimmed, as Go's unicode.IsSpace")
    }

    @Test func badLinesAreDockersWords() {
        #expect(parse("A B=1\n") == "variable 'A B' contains whitespaces")
        #expect(parse("ok=1\n =x\n") == "no variable name on line '=x'")
        #expect(parse(Array("A=1\n".utf8) + [0xFF, 0x41]) == "invalid utf8 bytes at line 2: [255 65]")
        #expect(parse([0xC3, 0x0D, 0x0A]) == "invalid utf8 bytes at line 1: [195]", "the CR before the newline is not the line's")
        #expect(parse("B=" + String(repeating: "x", count: 65533)) == "B=" + String(repeating: "x", count: 65533))
        #expect(parse("A=1\nB=" + String(repeating: "x", count: 65534) + "\n") == "bufio.Scanner: token too long")
        #expect(parse("A B=1\nC=" + String(repeating: "x", count: 70000)) == "variable 'A B' contains whitespaces", "the first problem wins")
    }

    @Test func readErrorsAreReportedAsDockerCLIReportsThem() throws {
        try temporary { dir in
            #expect(readError(dir) == "invalid env file (\(dir)): read \(dir): is a directory")
            #expect(readError(dir + "/nosuch") == "open \(dir)/nosuch: no such file or directory")
            let big = dir + "/big"
            try Data(repeating: 0x41, count: EnvFile.maxBytes + 1).write(to: URL(fileURLWithPath: big))
            #expect(readError(big) == "invalid env file (\(big)): larger than 1 MiB")
            let bad = dir + "/bad"
            try Data("X Y=1\n".utf8).write(to: URL(fileURLWithPath: bad))
            #expect(readError(bad) == "invalid env file (\(bad)): variable 'X Y' contains whitespaces")
            let good = dir + "/good"
            try Data("A=1\n".utf8).write(to: URL(fileURLWithPath: good))
            #expect(readError(good) == "read: A=1")
        }
    }

    @Test func clientErrorsGetDockerPrefixInRunAndCreateOnly() {
        let e = DockerClientError("open /x: no such file or directory")
        #expect(e.dockerText(inRun: true) == "docker: open /x: no such file or directory")
        #expect(e.dockerText(inRun: false) == "open /x: no such file or directory")
    }

    @Test func seccompProfileFilesAreReadByTheSameReader() throws {
        func contents(_ path: String) -> String {
            do { return "read \(try SeccompProfileFile.contents(path).count)" } catch let e as DockerClientError { return e.text } catch { return "\(error)" }
        }
        try temporary { dir in
            #expect(contents(dir) == "opening seccomp profile (\(dir)) failed: read \(dir): is a directory")
            #expect(contents(dir + "/nosuch") == "opening seccomp profile (\(dir)/nosuch) failed: open \(dir)/nosuch: no such file or directory")
            let big = dir + "/big.json"
            try Data(repeating: 0x20, count: SeccompProfile.maxBytes + 1).write(to: URL(fileURLWithPath: big))
            #expect(contents(big) == "opening seccomp profile (\(big)) failed: larger than \(SeccompProfile.maxBytes) bytes")
        }
    }
}
