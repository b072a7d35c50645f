import Foundation
import Testing
@testable import LabServe

@Suite struct PseudoTerminalTests {
    @Test func theShellHasTheTerminalAndEndsWithItsSession() throws {
        let terminal = try PseudoTerminal(argv: ["/bin/sh", "-c", "stty size; tty; sleep 300 & sleep 300"],
                                          environment: ["PATH": "/usr/bin:/bin"], directory: "/", columns: 91, rows: 33)
        var text = ""
        let deadline = Date().addingTimeInterval(10)
        while !text.contains("/dev/pts/"), Date() < deadline { text += String(decoding: terminal.read(), as: UTF8.self) }
        #expect(text.contains("33 91"), "the window size reached the shell: \(text)")
        #expect(text.contains("/dev/pts/"), "stdin is the pty: \(text)")
        let session = terminal.pid
        terminal.end()
        // Nothing of the session is left, the background sleep included (zombies aside: init reaps them).
        var left = PseudoTerminal.sessionMembers(session)
        for _ in 0..<20 where !left.isEmpty {
            usleep(50_000)
            left = PseudoTerminal.sessionMembers(session)
        }
        #expect(left.isEmpty, "processes of the session left: \(left)")
    }
}
