import LabResults

/// One attempt at a block (a retried block has several).
struct AttemptResult {
    var status: Status
    var commands: [CommandResult]
    var reason: BlockReason?
    var captures: [String: String]
    var score: Double
    var measure: CPUMeasurement?
}
