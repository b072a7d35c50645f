import Foundation
import LabReports

/// Plain lines to stdout and stderr for the lab commands. `out` and `error` send the line as
/// it is (callers add their own colour); `quoted` and `quotedError` are for lines that quote a
/// lab, a path or a results file from elsewhere: control characters in them are shown, never sent.
enum LabConsole {
    static func out(_ line: String) {
        try? FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8))
    }

    static func error(_ line: String) {
        try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8))
    }

    static func quoted(_ line: String) { out(TerminalText.visible(line)) }

    static func quotedError(_ line: String) { error(TerminalText.visible(line)) }
}
