import LabFormat
import LabResults

extension RunResults {
    /// Checks every number a results file gave against `LabLimits`, so a hand-edited file
    /// (a score of 1e300, NaN, a duration of 1e19) is refused with the field it holds, before
    /// any report sums, divides or formats it. Throws for the first bad field.
    func validate() throws {
        for (l, lab) in labs.enumerated() {
            let at = "isolab.labs[\(l)]"
            try Self.check(lab.duration, "\(at).duration", 0...LabLimits.maxResultSeconds)
            for (b, block) in lab.blocks.enumerated() {
                let at = "\(at).blocks[\(b)]"
                try Self.check(block.line, "\(at).line")
                try Self.check(block.column, "\(at).column")
                try Self.check(block.attempts, "\(at).attempts")
                try Self.check(block.duration, "\(at).duration", 0...LabLimits.maxResultSeconds)
                try Self.check(block.maxScore, "\(at).max_score", 0...LabLimits.maxPoints)
                try Self.check(block.score, "\(at).score", 0...block.maxScore)
                for (c, command) in block.commands.enumerated() {
                    let at = "\(at).commands[\(c)]"
                    try Self.check(command.line, "\(at).line")
                    try Self.check(command.duration, "\(at).duration", 0...LabLimits.maxResultSeconds)
                    if let status = command.expectedStatus { try Self.check(status, "\(at).expected_status", 0...255) }
                }
                if let measure = block.measure {
                    let at = "\(at).measure"
                    try Self.check(measure.window, "\(at).window", 0...LabLimits.maxResultSeconds)
                    try Self.check(measure.meanCores, "\(at).mean_cores", 0...LabLimits.maxCores)
                    if let low = measure.expectLow { try Self.check(low, "\(at).expect_low", 0...LabLimits.maxCores) }
                    if let high = measure.expectHigh { try Self.check(high, "\(at).expect_high", 0...LabLimits.maxCores) }
                    for (s, sample) in measure.samples.enumerated() {
                        try Self.check(sample.t, "\(at).samples[\(s)].t", 0...LabLimits.maxResultSeconds)
                        try Self.check(sample.cores, "\(at).samples[\(s)].cores", 0...LabLimits.maxCores)
                    }
                }
            }
        }
    }

    private static func check(_ value: Double, _ field: String, _ range: ClosedRange<Double>) throws {
        // NaN is in no range: `contains` is false for it, as for ±Infinity here.
        guard range.contains(value) else {
            throw ReportError(operation: "read results",
                              reason: "at \(field): \(number(value)) is out of range \(number(range.lowerBound))...\(number(range.upperBound))")
        }
    }

    /// Exactly, unlike `Points.text`, which would show 1e-300 as "0".
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    /// Lines, columns and counts: not negative, and small enough for any arithmetic on them.
    private static func check(_ value: Int, _ field: String, _ range: ClosedRange<Int> = 0...Int(Int32.max)) throws {
        guard range.contains(value) else {
            throw ReportError(operation: "read results",
                              reason: "at \(field): \(value) is out of range \(range.lowerBound)...\(range.upperBound)")
        }
    }
}
