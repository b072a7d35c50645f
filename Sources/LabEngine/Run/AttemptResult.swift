import LabReports

/// One attempt at a block (a retried block has several).
struct AttemptResult {
    var status: Status
    var commands: [CommandResult]
    var message: String?
    var captures: [String: String]
    var score: Double
    var measure: CPUMeasurement?
}
