import LabResults

extension RunResults {
    /// Points scored over every lab of the run (the JSON's top-level `score`).
    public var totalScore: Double { labs.reduce(0) { $0 + $1.score } }
    /// Points possible over every lab of the run (the JSON's top-level `max_score`).
    public var totalMaxScore: Double { labs.reduce(0) { $0 + $1.maxScore } }

    /// One Gradescope test per check, named `lab/check-id`, in run order; a lab with a
    /// lab-level error (an invalid lab has no checks) adds a failed 0-point test `lab/(lab)`
    /// first, so the learner sees why points are missing.
    var gradescopeTests: [GradescopeTest] {
        labsWithKeys.flatMap { lab, key in
            var tests: [GradescopeTest] = []
            if let error = lab.error, !error.isEmpty {
                tests.append(GradescopeTest(name: "\(key)/\(JUnitReport.labCaseName)", score: 0, maxScore: 0,
                                            status: "failed", output: error))
            }
            return tests + lab.checks.map { check in
                GradescopeTest(name: "\(key)/\(check.id)", score: check.score, maxScore: check.maxScore,
                               status: check.isFullyPassed ? "passed" : "failed", output: check.failureText(file: lab.path))
            }
        }
    }

    /// The run in a few lines for Gradescope's top-level `output`: per lab its score and status,
    /// lab-level errors, and steps that failed (they carry no points, so no test shows them).
    var gradescopeSummary: String {
        labs.map { lab in
            var line = "\(lab.title) (\(lab.path)): \(Points.text(lab.score))/\(Points.text(lab.maxScore)) points, \(lab.status.rawValue)"
            if let error = lab.error, !error.isEmpty { line += "\n  error: \(error)" }
            for block in lab.blocks where block.kind != .check && (block.status == .failed || block.status == .timedOut || block.status == .error) {
                line += "\n  \(block.kind.rawValue) #\(block.id) \(block.status.rawValue)"
                if let message = block.message, !message.isEmpty { line += ": \(message)" }
            }
            return line
        }.joined(separator: "\n")
    }

    /// The whole file's content.
    var gradescopeResults: GradescopeResults {
        GradescopeResults(score: totalScore, maxScore: totalMaxScore,
                          executionTime: finishedAt.timeIntervalSince(startedAt),
                          output: gradescopeSummary, tests: gradescopeTests, isolab: self)
    }
}
