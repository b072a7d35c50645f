import Foundation
import Testing
@testable import LabEngine

/// A background or measured command's output file is read as a foreground command's output is
/// kept: at most `ShellProcess.outputLimit` bytes, then a note.
struct ShellOutputFileTests {
    private func file(_ data: Data) throws -> String {
        let path = NSTemporaryDirectory() + "isolab-output-\(UUID().uuidString)"
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aSmallFileIsReadWhole() throws {
        let path = try file(Data("one\ntwo\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(ShellProcess.readOutputFile(path) == "one\ntwo\n")
    }

    @Test func aHugeFileIsCutAtTheLimitWithANote() throws {
        let path = try file(Data(repeating: UInt8(ascii: "y"), count: ShellProcess.outputLimit + 4096))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = ShellProcess.readOutputFile(path)
        #expect(text.hasPrefix(String(repeating: "y", count: 64)))
        #expect(text.utf8.count == ShellProcess.outputLimit + "\n[isolab: output truncated at \(ShellProcess.outputLimit) bytes]\n".utf8.count)
        #expect(text.hasSuffix("\n[isolab: output truncated at \(ShellProcess.outputLimit) bytes]\n"))
    }

    @Test func aFileExactlyAtTheLimitIsNotCut() throws {
        let path = try file(Data(repeating: UInt8(ascii: "y"), count: ShellProcess.outputLimit))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(ShellProcess.readOutputFile(path).utf8.count == ShellProcess.outputLimit)
    }

    @Test func aMissingFileGivesNothing() {
        #expect(ShellProcess.readOutputFile("/nonexistent/isolab-output") == "")
    }
}
