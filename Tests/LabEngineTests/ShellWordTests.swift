import Foundation
import Testing
@testable import LabEngine

/// The one quoting rule for the words isolab writes into shell command lines.
@Suite struct ShellWordTests {
    /// What `/bin/sh` prints running `script`.
    private func output(_ script: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theShellSeesEachWordAsItIs() throws {
        let hostile = ["it's", "$(touch /tmp/x)", "a b", "`x`", "\"q\"", "*", "", "'", "back\\slash", "new\nline"]
        for word in hostile {
            #expect(try output("printf '%s\\n' " + ShellWord.quoted(word)) == word + "\n", "\(word)")
            #expect(try output("x=" + ShellWord.quotedIfNeeded(word) + "; printf '%s\\n' \"$x\"") == word + "\n", "\(word)")
        }
        #expect(ShellWord.quoted("it's") == #"'it'\''s'"#)
    }

    @Test func plainWordsStayPlainForTheLearnersEyes() {
        #expect(ShellWord.quotedIfNeeded("/var/lib/isolab-x/bin") == "/var/lib/isolab-x/bin")
        #expect(ShellWord.quotedIfNeeded("walk-0a1b2c3d") == "walk-0a1b2c3d")
        #expect(ShellWord.quotedIfNeeded("/tmp/my dir") == "'/tmp/my dir'")
    }
}
