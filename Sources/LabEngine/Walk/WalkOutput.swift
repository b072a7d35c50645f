import LabFormat
import LabReports
import LabResults

/// Where the walk's state machine sends what the learner should see. The terminal screen
/// renders it; tests record it.
public protocol WalkOutput: AnyObject {
    /// A new view begins (a step is shown): what follows until the next view is redrawn on resize.
    func beginView()
    /// The progress line: `Lab 4 · step 3/6 · 2/2 points`.
    func header(_ text: String)
    /// Markdown prose, rendered for the terminal.
    func prose(_ markdown: String)
    /// A step's or check's commands as typed (`$ …`, `> …`), with its title (`Step start` …).
    func commands(_ lines: [String], title: String, isCheck: Bool)
    /// How to do an exercise: the `!` shell, or this line pasted into another terminal.
    func exercise(exportLine: String)
    /// A block ended: ✓ or ✗, and on failure the message, the diff and the hint.
    func result(_ result: BlockResult, labPath: String)
    /// The commands of a check's hidden solution.
    func solution(_ lines: [String])
    /// A line of information.
    func note(_ text: String)
    /// The keys that work now.
    func prompt(_ text: String)
    /// The end of the lab: the score, each exercise, where the results are.
    func summary(score: Double, maxScore: Double, checks: [BlockResult], resultsFile: String?)
    /// The window changed size: render the current view again at the new width.
    func redraw()
}
