import Foundation
import LabEngine
import LabFormat
import LabReports
import LabResults

/// The walk's output and driver for tests: records what would be shown, runs blocks from a
/// script of results, counts shells and removals.
final class WalkRecorder: WalkOutput, WalkDriver {
    var events: [String] = []
    /// Results to return per block id, first to last; a block with none passes.
    var scripted: [String: [Status]] = [:]
    var ran: [String] = []
    var shells = 0
    var removals = 0
    var containers = ["box"]
    var saved: WalkProgress?
    var forgotten = false
    let lab: Lab

    init(lab: Lab) { self.lab = lab }

    // WalkOutput
    func beginView() { events.append("view") }
    func header(_ text: String) { events.append("header \(text)") }
    func prose(_ markdown: String) { events.append("prose \(markdown.count)") }
    func commands(_ lines: [String], title: String, isCheck: Bool) { events.append("commands \(title): \(lines.joined(separator: " | "))") }
    func exercise(exportLine: String) { events.append("exercise \(exportLine)") }
    func result(_ result: BlockResult, labPath: String) { events.append("result \(result.id) \(result.status.rawValue) \(result.score)") }
    func solution(_ lines: [String]) { events.append("solution \(lines.joined(separator: " | "))") }
    func note(_ text: String) { events.append("note \(text)") }
    func prompt(_ text: String) { events.append("prompt \(text)") }
    func summary(score: Double, maxScore: Double, checks: [BlockResult], resultsFile: String?) {
        events.append("summary \(score)/\(maxScore) " + checks.map { "\($0.id):\($0.solutionShown == true ? "shown" : "-")" }.joined(separator: ","))
    }
    func redraw() { events.append("redraw") }

    // WalkDriver
    var namespace: String { "walk-test" }
    var exportLine: String { "export PATH=/bin ISOLAB_NAMESPACE=walk-test" }
    func run(_ block: LabBlock) -> BlockResult {
        ran.append(block.id)
        let status = scripted[block.id]?.isEmpty == false ? scripted[block.id]!.removeFirst() : .passed
        return BlockResult(id: block.id, kind: block.kind == .check ? .check : block.kind == .setup ? .setup : .step,
                           language: block.language, line: block.location.line, column: 1, status: status,
                           duration: 0.1, attempts: 1, commands: [], score: status == .passed ? block.points : 0,
                           maxScore: block.points, reason: status == .passed ? nil : .text("FAIL: no"), hint: block.hint,
                           background: false, measure: nil)
    }
    func openShell() -> String? { shells += 1; return nil }
    func containerNames() -> [String] { containers }
    func removeContainers() -> [BlockResult] { removals += 1; containers = []; return [] }
    func save(_ progress: WalkProgress) { saved = progress }
    func forgetProgress() { forgotten = true }
    func writeResults(_ progress: WalkProgress) -> String? { "/tmp/results.json" }
    func writeHTML(_ progress: WalkProgress) -> Result<String, WalkDriverError> { .success("/tmp/r.html") }
}
