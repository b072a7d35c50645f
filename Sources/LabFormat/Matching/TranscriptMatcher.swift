/// Matches cleaned output lines against expected lines; `...` lines backtrack.
public enum TranscriptMatcher {
    /// Output lines only; the exit status is compared by the caller.
    public static func match(_ expected: [ExpectedLine], _ actual: [String]) -> TranscriptMatch {
        var failed = Set<Int>()  // (i, j) pairs known not to match, packed
        let width = actual.count + 1
        let lines = expected.map { CompiledLine($0.pattern) }
        func go(_ i: Int, _ j: Int) -> [String: String]? {
            if i == expected.count { return j == actual.count ? [:] : nil }
            let key = i * width + j
            if failed.contains(key) { return nil }
            var result: [String: String]? = nil
            if lines[i].isEllipsis {
                // Zero lines first, then one more each time.
                var k = j
                while k <= actual.count {
                    if let rest = go(i + 1, k) { result = rest; break }
                    k += 1
                }
            } else if j < actual.count, let here = lines[i].match(actual[j]),
                      let rest = go(i + 1, j + 1) {
                result = here.merging(rest) { _, later in later }
            }
            if result == nil { failed.insert(key) }
            return result
        }
        if let captures = go(0, 0) { return TranscriptMatch(matched: true, captures: captures) }
        return TranscriptMatch(matched: false, captures: [:])
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
