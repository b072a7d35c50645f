import Foundation
import LabFormat
import LabReports
import LabResults
import Testing
@testable import LabEngine

/// What `lab grade --answers-dir` does with each child's outcome: the progress line on stderr and
/// the results that stand in for a submission no child graded.
struct ClassGradingLogicTests {
    static let lab = """
        # Lab 1: Points

        ```sh {check #one points=2}
        true
        ```

        ```sh {check #two points=3}
        true
        ```
        """

    func outcome(_ learner: String, _ status: Int32?, timedOut: Bool = false, duration: Double = 1.25,
                 results: RunResults? = nil) -> BatchGrader.Outcome {
        BatchGrader.Outcome(submission: Submission(learner: learner, answersPath: "/answers/\(learner).md"),
                            exitStatus: status, timedOut: timedOut, duration: duration, results: results)
    }

    func unscored(_ learner: String, reason: String) throws -> RunResults {
        let lab = try LabParser.parse(source: Self.lab, path: "Labs/01.md")
        return LabRunner.results([LabRunner.unscoredResult(lab, reason: reason)],
                                 options: LabRunOptions(mode: .grade, learner: learner), host: nil)
    }

    @Test func exitStatusesZeroToTwoAreGraded() {
        #expect(outcome("a", 0).isComplete && outcome("a", 1).isComplete && outcome("a", 2).isComplete)
        #expect(!outcome("a", 3).isComplete && !outcome("a", nil).isComplete && !outcome("a", 137).isComplete)
        #expect(outcome("a", nil, timedOut: true).ungradedReason(timeout: 360.7, logPath: "out/a.log")
                == "grading took longer than 360 s and was stopped")
        #expect(outcome("a", nil).ungradedReason(timeout: 360, logPath: "out/a.log") == "grading was interrupted")
        #expect(outcome("a", 4).ungradedReason(timeout: 360, logPath: "out/a.log") == "grading failed (exit status 4); see out/a.log")
    }

    @Test func progressLines() throws {
        var scored = try unscored("ada", reason: "x")
        scored.labs[0].error = nil
        scored.labs[0].blocks[0].score = 2
        #expect(ClassProgress.line(outcome("ada", 0, results: scored), done: 1, total: 3) == "[1/3] ada: 2/5 · 1.2 s")
        let failed = try unscored("bob", reason: "setup failed\u{1B}[2J")
        #expect(ClassProgress.line(outcome("bob", 1, results: failed), done: 2, total: 3)
                == "[2/3] bob: 0/5 (setup failed^[[2J) · 1.2 s")
        #expect(ClassProgress.line(outcome("cy", nil, timedOut: true), done: 3, total: 3) == "[3/3] cy: stopped: took too long · 1.2 s")
        #expect(ClassProgress.line(outcome("d\u{7}", 139, results: scored), done: 3, total: 3) == "[3/3] d^G: not graded (exit status 139) · 1.2 s")
        #expect(ClassProgress.line(outcome("e", nil), done: 3, total: 3) == "[3/3] e: not graded (exit status none) · 1.2 s")
        #expect(ClassProgress.printable("a\u{7F}b\u{85}c\u{E9}") == "a^?b?c\u{E9}")
    }

    @Test func theBarOnlyOnATerminalAndNeverAfterTheLast() {
        #expect(ClassProgress.bar(done: 1, total: 3, jobs: 2) == String(repeating: "█", count: 10) + String(repeating: "░", count: 20) + " 1/3 graded, 2 at a time")
        #expect(ClassProgress.bar(done: 2, total: 3, jobs: 2)?.hasSuffix(" 2/3 graded, 1 at a time") == true)
        #expect(ClassProgress.bar(done: 3, total: 3, jobs: 2) == nil)

        var text = ""
        let plain = ClassProgress(total: 1, jobs: 1, isTerminal: false) { text += $0 }
        plain.finished(outcome("a", nil), done: 1)
        plain.end()
        #expect(text == "[1/1] a: not graded (exit status none) · 1.2 s\n")

        text = ""
        let terminal = ClassProgress(total: 2, jobs: 1, isTerminal: true) { text += $0 }
        terminal.finished(outcome("a", nil), done: 1)
        terminal.finished(outcome("b", nil), done: 2)
        terminal.end()
        let empty = String(repeating: "░", count: 30), half = String(repeating: "█", count: 15) + String(repeating: "░", count: 15)
        #expect(text == "\r\u{1B}[K\(empty) 0/2 graded, 1 at a time" + "\r\u{1B}[K[1/2] a: not graded (exit status none) · 1.2 s\n"
                + "\r\u{1B}[K\(half) 1/2 graded, 1 at a time" + "\r\u{1B}[K[2/2] b: not graded (exit status none) · 1.2 s\n")
    }

    @Test func ungradedSubmissionsGetResultsSayingWhy() throws {
        let lab = try LabParser.parse(source: Self.lab, path: "Labs/01.md")
        let graded = try unscored("ada", reason: "graded elsewhere")
        let outcomes = [outcome("ada", 0, results: graded), outcome("bob", 0),
                        outcome("cy", 5, results: graded), outcome("dee", nil, timedOut: true)]
        let results = ClassResults(outcomes, lab: lab, timeout: 300, logPath: { "out/\($0.learner).log" })
        #expect(results.runs.map(\.learner) == ["ada", "bob", "cy", "dee"])
        #expect(results.ungraded.map(\.submission.learner) == ["bob", "cy", "dee"])
        #expect(results.runs[0].labs[0].error == "graded elsewhere")
        // Status 0 but no results file to read: not graded either.
        #expect(results.runs[1].labs[0].error == "grading failed (exit status 0); see out/bob.log")
        #expect(results.runs[2].labs[0].error == "grading failed (exit status 5); see out/cy.log")
        #expect(results.runs[3].labs[0].error == "grading took longer than 300 s and was stopped")
        #expect(results.runs[3].totalScore == 0 && results.runs[3].totalMaxScore == 5 && results.runs[3].mode == .grade)
    }

    /// The whole of a class's grading, with a stand-in for isolab that writes a learner's
    /// results as `lab grade --json` does (or fails, for bob): each results file is read once,
    /// as its child ends, and that one reading feeds the progress line and the gradebook.
    @Test func gradesAClassReadingEachResultsFileOnce() throws {
        let dir = NSTemporaryDirectory() + "isolab-class-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var template = try unscored("ada", reason: "x")
        template.labs[0].error = nil
        template.labs[0].blocks[0].score = 2
        try JSONReport.data(template).write(to: URL(fileURLWithPath: dir + "/template.json"))
        // argv: lab grade LAB --answers FILE --learner NAME --json PATH.
        let isolab = dir + "/isolab"
        try """
            #!/bin/sh
            [ "$7" = bob ] && exit 9
            cp '\(dir)/template.json' "$9"
            """.write(toFile: isolab, atomically: true, encoding: .utf8)
        chmod(isolab, 0o755)
        let lab = try LabParser.parse(source: Self.lab, path: "Labs/01.md")
        let grading = ClassGrading(lab: lab, isolab: isolab, jobs: 1, out: dir + "/out")
        let submissions = [Submission(learner: "ada", answersPath: "/answers/ada.md"),
                           Submission(learner: "bob", answersPath: "/answers/bob.md")]
        var text = ""
        let graded = grading.grade(submissions, environment: ["PATH": "/usr/bin:/bin"], directory: dir,
                                   cancellation: RunCancellation(),
                                   progress: ClassProgress(total: 2, jobs: 1, isTerminal: false) { text += $0 })
        #expect(graded.runs.map(\.learner) == ["ada", "bob"])
        #expect(graded.runs.first?.labs.first?.blocks.map(\.score) == [2, 0], "ada's results are what her child wrote")
        #expect(graded.ungraded.map(\.submission.learner) == ["bob"])
        #expect(text.hasPrefix("[1/2] ada: 2/5 · ") && text.contains("\n[2/2] bob: not graded (exit status 9) · "), "\(text)")
        let written = try ReportFiles.readResults(grading.resultsPath(submissions[1]))
        #expect(written.labs[0].error == "grading failed (exit status 9); see \(dir)/out/bob.log")
        try grading.writeGradebook(graded.runs)
        #expect(FileManager.default.fileExists(atPath: dir + "/out/gradebook.csv"))
    }

    /// The grader reads what a child wrote once, as it ends, and hands that reading on in the
    /// outcome: to the progress as it happens and to the caller at the end.
    @Test func theGraderCollectsEachSubmissionOnce() throws {
        let dir = NSTemporaryDirectory() + "isolab-collect-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let results = try unscored("ada", reason: "x")
        let lock = NSLock()
        var reads: [String: Int] = [:]
        let grader = BatchGrader(jobs: 2, timeout: 30, environment: ["PATH": "/usr/bin:/bin"], directory: dir,
                                 cancellation: RunCancellation(), command: { _ in ["true"] },
                                 logPath: { "\(dir)/\($0.learner).log" },
                                 collect: { submission in
                                     lock.withLock { reads[submission.learner, default: 0] += 1 }
                                     return submission.learner == "ada" ? results : nil
                                 })
        var seen: [String: RunResults?] = [:]
        let outcomes = grader.run([Submission(learner: "ada", answersPath: ""), Submission(learner: "bob", answersPath: "")]) { outcome, _ in
            seen[outcome.submission.learner] = outcome.results
        }
        #expect(reads == ["ada": 1, "bob": 1])
        #expect(seen["ada"] == .some(results) && seen["bob"] == .some(nil))
        #expect(outcomes.map(\.results) == [results, nil])
    }
}
