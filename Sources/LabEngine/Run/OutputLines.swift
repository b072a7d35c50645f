import LabFormat

/// Output as the learner sees it: cleaned lines (ANSI escapes and trailing blanks removed).
enum OutputLines {
    static func split(_ output: String) -> [String] { OutputCleaner.lines(output) }
    static func joined(_ output: String) -> String { OutputCleaner.lines(output).joined(separator: "\n") }
}
