/// Matches cleaned output lines against expected lines; `...` lines backtrack.
public enum TranscriptMatcher {
    /// One expected line on the path being tried: which actual line it starts at, the captures
    /// of its match, and for `...` how many actual lines it takes now.
    private struct Frame {
        var i: Int
        var j: Int
        var next: Int
        var captures: [String: String]
    }

    /// Output lines only; the exit status is compared by the caller.
    ///
    /// A depth-first search over (expected line, actual line) with an explicit stack, not
    /// recursion: a transcript may expect as many lines as a lab file holds, and one frame per
    /// line would overflow the stack. `...` takes zero lines first, then one more each time;
    /// pairs known not to match are remembered, so each is tried once.
    public static func match(_ expected: [ExpectedLine], _ actual: [String]) -> TranscriptMatch {
        let n = expected.count, m = actual.count
        let lines = expected.map { CompiledLine($0.pattern) }
        var failed = Set<Int>()  // (i, j) pairs known not to match, packed as i * (m + 1) + j
        // For `...` at i: every start j at or after this failed (a later start has fewer choices).
        var ellipsisFailedFrom = [Int](repeating: Int.max, count: n)
        var stack: [Frame] = []
        var i = 0, j = 0
        while true {
            // Try to extend the path with expected line i at actual line j.
            var advanced = false
            if i == n {
                if j == m {
                    var captures: [String: String] = [:]
                    for frame in stack { captures.merge(frame.captures) { _, later in later } }
                    return TranscriptMatch(matched: true, captures: captures)
                }
            } else if !failed.contains(i * (m + 1) + j) {
                if lines[i].isEllipsis {
                    if j < ellipsisFailedFrom[i] {
                        stack.append(Frame(i: i, j: j, next: j, captures: [:]))
                        i += 1
                        advanced = true
                    }
                } else if j < m, let here = lines[i].match(actual[j]) {
                    stack.append(Frame(i: i, j: j, next: m, captures: here))
                    i += 1; j += 1
                    advanced = true
                }
            }
            if advanced { continue }
            // Backtrack to the nearest `...` that can take one more line.
            while var top = stack.popLast() {
                if lines[top.i].isEllipsis, top.next < m {
                    top.next += 1
                    stack.append(top)
                    i = top.i + 1; j = top.next
                    advanced = true
                    break
                }
                failed.insert(top.i * (m + 1) + top.j)
                if lines[top.i].isEllipsis { ellipsisFailedFrom[top.i] = min(ellipsisFailedFrom[top.i], top.j) }
            }
            if !advanced { return TranscriptMatch(matched: false, captures: [:]) }
        }
    }

    /// Output and exit status together.
    public static func match(_ command: TranscriptCommand, output: String, status: Int32?) -> TranscriptMatch {
        let outcome = match(command.expected, OutputCleaner.lines(output))
        guard outcome.matched, status == command.expectedStatus else {
            return TranscriptMatch(matched: false, captures: [:])
        }
        return outcome
    }
}
