/// A readable, unified-style diff of a command's expected vs actual output.
public enum TranscriptDiff {
    /// Lines beyond this are summarised, so one runaway command cannot flood a report.
    static let maxLines = 200

    /// - Parameters:
    ///   - location: `file:line` of the command, shown in the header.
    ///   - status: the actual exit status, nil when the command was killed.
    public static func render(_ command: TranscriptCommand, actual: [String], status: Int32?,
                              location: String) -> String {
        var out = ["--- expected \(location)", "+++ actual"]
        out += align(command.expected, actual)
        if status != command.expectedStatus {
            out.append("-[\(command.expectedStatus)]")
            out.append("+" + (status.map { "[\($0)]" } ?? "(killed, no exit status)"))
        }
        if out.count > maxLines {
            let dropped = out.count - maxLines
            out = Array(out.prefix(maxLines)) + ["… \(dropped) more lines"]
        }
        return out.joined(separator: "\n")
    }

    /// Least-edits alignment where a line pair matches by the matcher's rules and `...` takes
    /// any number of actual lines for free.
    static func align(_ expected: [ExpectedLine], _ actual: [String]) -> [String] {
        let n = expected.count, m = actual.count
        // Beyond a million cells an alignment costs more than it explains.
        guard n * m <= 1_000_000 else {
            return expected.map { "-" + $0.text } + actual.map { "+" + $0 }
        }
        let compiled = expected.map { CompiledLine($0.pattern) }
        // cost[i][j]: edits to align expected[i...] with actual[j...].
        var cost = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        var lineOK = Array(repeating: Array(repeating: false, count: m + 1), count: n + 1)
        for i in 0..<n { for j in 0..<m { lineOK[i][j] = compiled[i].match(actual[j]) != nil } }
        for j in stride(from: m, through: 0, by: -1) { cost[n][j] = m - j }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m, through: 0, by: -1) {
                if case .ellipsis = expected[i].pattern {
                    cost[i][j] = min(cost[i + 1][j], j < m ? cost[i][j + 1] : Int.max)
                    continue
                }
                var best = cost[i + 1][j] + 1
                if j < m {
                    best = min(best, cost[i][j + 1] + 1)
                    if lineOK[i][j] { best = min(best, cost[i + 1][j + 1]) }
                }
                cost[i][j] = best
            }
        }
        var lines: [String] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, case .ellipsis = expected[i].pattern {
                if j < m, cost[i][j] == cost[i][j + 1] { lines.append(" " + actual[j]); j += 1 } else { i += 1 }
                continue
            }
            if i < n, j < m, lineOK[i][j], cost[i][j] == cost[i + 1][j + 1] {
                lines.append(" " + actual[j]); i += 1; j += 1
            } else if i < n, cost[i][j] == cost[i + 1][j] + 1 {
                lines.append("-" + expected[i].text); i += 1
            } else {
                lines.append("+" + actual[j]); j += 1
            }
        }
        return lines
    }
}
