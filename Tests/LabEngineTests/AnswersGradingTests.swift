import Foundation
import Testing
import LabEngine
import LabFormat
import LabReports
import LabResults

/// `lab grade --answers`: the lab runs whole, each answer in its check's solution's place.
@Suite struct AnswersGradingTests {
    static let lab = """
    # Answers

    <!-- lab:setup
    echo setup > @S@/setup
    -->

    ```console {#warmup}
    $ echo hi
    hi
    ```

    ```sh {check #made points=2}
    test -f @S@/made || { echo "FAIL: nothing made"; exit 1; }
    ```

    <!-- lab:solution for=#made
    echo solution-ran > @S@/solution
    touch @S@/made
    -->

    ```sh {check #late timeout=1s}
    test -f @S@/late
    ```

    ```sh {check #missing points=3}
    true
    ```

    ```sh {check #nonzero}
    test -f @S@/nonzero
    ```

    <!-- lab:cleanup
    echo cleanup > @S@/cleanup
    -->
    """

    func answers(_ h: LabHarness, _ markdown: String) throws -> [String: LabAnswer] {
        try AnswersParser.parse(source: markdown.replacingOccurrences(of: "@S@", with: h.scratch), path: "ada.md",
                                lab: try h.lab(Self.lab))
    }

    @Test func eachAnswerTakesItsSolutionsPlaceAndTheWholeLabRuns() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let given = try answers(h, """
            ```sh {answer for=#made}
            touch @S@/made
            ```

            ```sh {answer for=#late}
            sleep 30; touch @S@/late
            ```

            ```sh {answer for=#nonzero}
            touch @S@/nonzero; exit 3
            ```
            """)
        var options = LabRunOptions(mode: .grade, learner: "ada")
        options.answers = given
        let result = try h.run(Self.lab, options: options)

        #expect(h.exists("setup") && h.exists("cleanup"), "setup and cleanup run as in `lab run`")
        #expect(!h.exists("solution"), "the hidden solution never runs")
        #expect(result.block("warmup")?.status == .passed)
        #expect(result.block("answer-made")?.kind == .solution)
        #expect(result.block("made")?.score == 2)

        let late = try #require(result.block("late"))
        #expect(late.score == 0 && late.status == .failed)
        #expect(late.message?.contains("ada.md:") == true && late.message?.contains("timed out after 1s") == true,
                "\(late.message ?? "")")
        #expect(result.block("answer-late")?.status == .timedOut)
        #expect(!h.exists("late"), "the hanging answer was killed")

        let missing = try #require(result.block("missing"))
        #expect(missing.score == 0 && missing.maxScore == 3 && missing.status == .failed)
        #expect(missing.message == "no answer")
        #expect(result.block("nonzero")?.score == 1, "an answer that exits non-zero still lets its check judge the work")
        #expect(result.score == 3 && result.maxScore == 7)
        #expect(result.namespace?.hasPrefix("lab-") == true, "a namespace of its own, as `lab run` has")
    }

    @Test func withoutAnswersGradeStillRunsOnlyTheChecks() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let result = try h.run(Self.lab, options: LabRunOptions(mode: .grade, environment: ["PATH": "/usr/bin:/bin", "ISOLAB_NAMESPACE": "ada"]))
        #expect(!h.exists("setup") && !h.exists("cleanup") && !h.exists("solution"))
        #expect(result.blocks.map(\.id) == ["made", "late", "missing", "nonzero"])
        #expect(result.namespace == "ada")
    }

    @Test func aClassFolderListsFoldersAndFilesAndPassesOverWhatIsNotASubmission() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let fm = FileManager.default
        let dir = h.scratch + "/class"
        try fm.createDirectory(atPath: dir + "/bob", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: dir + "/empty", withIntermediateDirectories: true)
        try "x".write(toFile: dir + "/bob/answers.md", atomically: true, encoding: .utf8)
        try "x".write(toFile: dir + "/ada.md", atomically: true, encoding: .utf8)
        try "x".write(toFile: dir + "/bob.md", atomically: true, encoding: .utf8)
        try "x".write(toFile: dir + "/notes.txt", atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: dir + "/eve.md", withDestinationPath: "/etc/shadow")
        try fm.createDirectory(atPath: dir + "/.git", withIntermediateDirectories: true)
        let set = try SubmissionSet(directory: dir)
        #expect(set.submissions == [Submission(learner: "ada", answersPath: dir + "/ada.md"),
                                    Submission(learner: "bob", answersPath: dir + "/bob/answers.md")])
        #expect(set.problems.count == 3, "\(set.problems)")
        #expect(set.problems.contains { $0.hasPrefix(dir + "/bob.md: learner 'bob' already has") })
        #expect(set.problems.contains(dir + "/empty: no answers.md inside"))
        #expect(set.problems.contains(dir + "/eve.md: not a regular file"))
    }

    @Test func theBatchGraderRunsJobsAtATimeAndStopsAChildWhoseTimeIsUp() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let submissions = (1...5).map { Submission(learner: "l\($0)", answersPath: "") }
        let grader = BatchGrader(
            jobs: 2, timeout: 1, environment: ["PATH": "/usr/bin:/bin"], directory: h.scratch,
            cancellation: RunCancellation(),
            command: { s in
                // l3 hangs (and cleans up on SIGTERM, as isolab does); the others note how many run at once.
                s.learner == "l3" ? ["sh", "-c", "trap 'echo stopped > \(h.scratch)/l3-term; exit 143' TERM; sleep 30 & wait"]
                    : ["sh", "-c", "echo run >> \(h.scratch)/starts; ls \(h.scratch) | grep -c '^running-' >> \(h.scratch)/concurrency; touch \(h.scratch)/running-$$; sleep 0.3; rm \(h.scratch)/running-$$"]
            },
            logPath: { "\(h.scratch)/\($0.learner).log" })
        var seen: [Int] = []
        let outcomes = grader.run(submissions) { _, done in seen.append(done) }
        #expect(seen == [1, 2, 3, 4, 5])
        #expect(outcomes.map(\.submission.learner) == ["l1", "l2", "l3", "l4", "l5"])
        #expect(outcomes.filter { $0.exitStatus == 0 }.count == 4)
        let hung = outcomes[2]
        #expect(hung.timedOut && hung.exitStatus == 143, "\(hung)")
        #expect(h.read("l3-term") == "stopped\n", "SIGTERM first, so a child can clean up")
        let concurrency = (h.read("concurrency") ?? "").split(separator: "\n").compactMap { Int($0) }
        #expect(concurrency.count == 4 && concurrency.allSatisfy { $0 <= 1 }, "at most 2 at once: \(concurrency)")
    }
}
