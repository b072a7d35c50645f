import Foundation
import LabReports

/// Plain lines to stdout and stderr for the lab commands. Lines quote labs, paths and
/// results files from elsewhere: control characters in them are shown, never sent.
enum LabConsole {
    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((TerminalText.visible(line) + "\n").utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((TerminalText.visible(line) + "\n").utf8))
    }
}
