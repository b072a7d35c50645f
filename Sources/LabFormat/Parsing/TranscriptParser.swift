/// Turns the lines of a `console` block into commands with expectations.
enum TranscriptParser {
    struct Problem { var line: Int; var message: String }

    static func parse(lines: [String], firstLine: Int) -> ([TranscriptCommand], [Problem]) {
        var commands: [TranscriptCommand] = []
        var problems: [Problem] = []
        guard let first = lines.first, first.hasPrefix("$ ") else {
            problems.append(Problem(line: firstLine, message: lines.isEmpty
                ? "empty transcript: a console block needs a '$ ' command"
                : "a transcript must start with a '$ ' command, found '\(lines[0])'"))
            return ([], problems)
        }
        var index = 0
        while index < lines.count {
            let commandLine = firstLine + index
            var command = String(lines[index].dropFirst(2))
            index += 1
            while index < lines.count, lines[index].hasPrefix("> ") || lines[index] == ">" {
                command += "\n" + String(lines[index].dropFirst(lines[index] == ">" ? 1 : 2))
                index += 1
            }
            var raw: [(String, Int)] = []
            while index < lines.count, !lines[index].hasPrefix("$ ") {
                raw.append((OutputCleaner.cleanLine(OutputCleaner.stripANSI(lines[index])), firstLine + index))
                index += 1
            }
            while let last = raw.last, last.0.isEmpty { raw.removeLast() }
            var status: Int32 = 0
            if let last = raw.last, let parsed = exitStatus(last.0) {
                if parsed > 255 {
                    problems.append(Problem(line: last.1, message: "exit status [\(parsed)] out of range: 0...255"))
                }
                status = Int32(min(parsed, 255))
                raw.removeLast()
                // A blank line between the output and `[N]` is not expected output.
                while let last = raw.last, last.0.isEmpty { raw.removeLast() }
            }
            var expected: [ExpectedLine] = []
            for (text, line) in raw {
                let pattern = classify(text)
                if case .regex(let source) = pattern, source.utf8.count > LabLimits.maxRegexLength {
                    problems.append(Problem(line: line, message: "regular expression longer than "
                                            + "\(LabLimits.maxRegexLength) bytes; match a long line with [..] or (glob)"))
                } else if case .regex(let source) = pattern {
                    if let message = LineMatcher.regexProblem(source) {
                        problems.append(Problem(line: line, message: "invalid regular expression: \(message)"))
                    }
                    for name in LineMatcher.captureNames(source) where isReserved(name) {
                        problems.append(Problem(line: line, message: "capture '\(name)' names a variable isolab "
                                                + "sets for every command (PATH, HOME, LANG, TZ, COLUMNS, TERM, "
                                                + "ISOLAB_*); choose another name"))
                    }
                }
                expected.append(ExpectedLine(pattern: pattern, text: text, line: line))
            }
            if command.trimmingSpaces().isEmpty {
                problems.append(Problem(line: commandLine, message: "empty command"))
            }
            commands.append(TranscriptCommand(command: command, line: commandLine,
                                              expected: expected, expectedStatus: status))
        }
        return (commands, problems)
    }

    /// `[N]` → N (any number of digits; the caller rejects N > 255).
    static func exitStatus(_ line: String) -> Int? {
        guard line.hasPrefix("["), line.hasSuffix("]"), line.count > 2 else { return nil }
        let digits = line.dropFirst().dropLast()
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits) ?? Int.max
    }

    /// The variables every command gets from isolab; a capture cannot replace them.
    static let reservedVariables: Set<String> = ["PATH", "HOME", "LANG", "TZ", "COLUMNS", "TERM"]

    static func isReserved(_ name: String) -> Bool {
        reservedVariables.contains(name) || name.hasPrefix("ISOLAB_")
    }

    static func classify(_ text: String) -> ExpectedLine.Pattern {
        if text == "..." { return .ellipsis }
        if text.hasSuffix(" (re)") { return .regex(String(text.dropLast(5))) }
        if text.hasSuffix(" (glob)") { return .glob(String(text.dropLast(7))) }
        return .literal(text)
    }
}
