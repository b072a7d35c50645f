import LabResults

extension JUnitReport {
    /// The counters of a `<testsuite>`, which consumers check against its `<testcase>`s.
    struct Counts: Equatable {
        var tests = 0, failures = 0, errors = 0, skipped = 0
        static let zero = Counts()

        /// How JUnit sees one block: a failed match, a timeout or partial credit is a failure;
        /// a crash, or a block still running when the run ended, is an error.
        enum Outcome { case passed, failure, error, skipped }

        static func outcome(_ block: BlockResult) -> Outcome {
            switch block.status {
            case .skipped: return .skipped
            case .error, .running: return .error
            case .failed, .timedOut: return .failure
            case .passed: return block.isFullyPassed ? .passed : .failure
            }
        }

        init() {}

        init(_ lab: LabResult) {
            for block in lab.blocks {
                tests += 1
                switch Counts.outcome(block) {
                case .passed: break
                case .failure: failures += 1
                case .error: errors += 1
                case .skipped: skipped += 1
                }
            }
            if let error = lab.error, !error.isEmpty {
                tests += 1
                errors += 1
            }
        }

        static func + (a: Counts, b: Counts) -> Counts {
            var sum = a
            sum.tests += b.tests; sum.failures += b.failures; sum.errors += b.errors; sum.skipped += b.skipped
            return sum
        }
    }
}
