import Foundation
import Testing
import LabFormat

/// A lab file of a command line read and parsed: once, its problems as `file:line:col` lines.
@Suite struct LoadedLabTests {
    struct Unreadable: Error, CustomStringConvertible { var description: String { "no such thing" } }

    /// An invalid lab's reports keep the source that was parsed: the file is not read a second
    /// time for it (a FIFO or a file being rewritten would give other text, or none).
    @Test func readsTheFileOnceAndKeepsWhatItRead() {
        var reads = 0
        let entry = LoadedLab.load(file: "lab.md") { _ in
            reads += 1
            return "# Lab\n\n```sh {#a}\ntrue\n```\n\n```sh {#a}\ntrue\n```\n"
        }
        #expect(reads == 1)
        guard case .invalid(let path, let source, let problems) = entry else {
            Issue.record("an invalid lab was accepted: \(entry)")
            return
        }
        #expect(path == "lab.md" && source.hasPrefix("# Lab\n"))
        #expect(problems.count == 1 && problems[0].hasPrefix("lab.md:7:"), "\(problems)")
        #expect(entry.problems == problems)

        var validReads = 0
        let valid = LoadedLab.load(file: "ok.md") { _ in validReads += 1; return "# Ok\n" }
        guard case .valid(let lab) = valid else { Issue.record("\(valid)"); return }
        #expect(validReads == 1 && lab.title == "Ok" && valid.problems.isEmpty)
    }

    @Test func aFileThatCannotBeReadIsInvalidWithNoSource() {
        let missing = "/nonexistent-\(UUID().uuidString).md"
        guard case .invalid(_, let source, let problems) = LoadedLab.load(file: missing) else {
            Issue.record("a missing file was accepted")
            return
        }
        #expect(source.isEmpty)
        #expect(problems == ["\(missing):1:1: cannot open the file: No such file or directory (errno 2)"])
    }

    /// Every command words a failure of reading or parsing the same way, naming the file.
    @Test func diagnosticLines() {
        let diagnostic = LabDiagnostic(file: "a.md", location: SourceLocation(line: 3, column: 5), message: "bad")
        #expect(LabValidationError.lines(of: LabValidationError(diagnostics: [diagnostic]), file: "a.md") == ["a.md:3:5: bad"])
        #expect(LabValidationError.lines(of: Unreadable(), file: "b.md") == ["b.md:1:1: no such thing"])
    }

    @Test func aFolderGivesItsLabsSorted() throws {
        let dir = NSTemporaryDirectory() + "isolab-labfolder-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["b.md", "a.md", "notes.txt"] { _ = FileManager.default.createFile(atPath: dir + "/" + name, contents: nil) }
        #expect(try LabFolder.labFiles(in: dir) == [dir + "/a.md", dir + "/b.md"])
        #expect(try LabFolder.labFiles(in: dir + "/") == [dir + "/a.md", dir + "/b.md"])
        #expect(throws: (any Error).self) { try LabFolder.labFiles(in: dir + "/none") }
    }
}
