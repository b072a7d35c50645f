import LabFormat

extension Lab {
    /// The longest a run of this lab can take if every command uses its whole timeout (each
    /// retry counted, measure windows included): a bound for whoever waits on a run from outside.
    public var worstCaseDuration: Double {
        blocks.reduce(0) { total, block in
            let commands: Double
            switch block.body {
            case .transcript(let list): commands = Double(max(1, list.count))
            case .script: commands = 1
            }
            let once = block.timeout * commands + (block.measure?.window ?? 0)
            // A retry block starts attempts until `retry` has passed, the last may then run its full time.
            return total + once + (block.retry ?? 0)
        }
    }
}
