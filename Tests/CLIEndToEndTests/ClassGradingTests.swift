import Foundation
import Testing

/// `isolab lab grade Labs/04 --answers-dir` on a made-up class, through the real binary: exact
/// scores and reasons, a gradebook, and nothing left behind by any submission.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct ClassGradingTests {
    static let labPath: String = {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return package.appendingPathComponent("Labs/04-capabilities.md").path
    }()

    /// Learner → answers file content.
    static let submissions: [String: String] = [
        "full": """
            # Ada's answers

            ```sh {answer for=#minimal}
            docker run -d --name minimal --cap-drop ALL --cap-add CHOWN busybox sleep 3600
            ```

            ```sh {answer for=#powerless}
            docker run -d --name powerless --cap-drop ALL busybox sleep 3600
            ```
            """,
        // The warm-up right; the puzzle solved by naming the capability, which it forbids.
        "partial": """
            ```sh {answer for=#minimal}
            docker run -d --name minimal --cap-drop ALL --cap-add CHOWN busybox sleep 3600
            ```

            ```sh {answer for=#powerless}
            docker run -d --name powerless --cap-drop CHOWN busybox sleep 3600
            ```
            """,
        "empty": "# I did not get to it\n",
        "hanging": """
            ```sh {answer for=#minimal}
            docker run -d --name minimal --cap-drop ALL --cap-add CHOWN busybox sleep 3600
            while :; do sleep 1; done
            ```
            """,
        // A hidden block never closed.
        "broken": "<!-- lab:solution for=#minimal\ndocker run -d --name minimal busybox sleep 3600\n",
        "fifty": """
            ```sh {answer for=#minimal}
            for i in $(seq 1 50); do docker run -d busybox sleep 3600 >/dev/null; done
            docker run -d --name minimal --cap-drop ALL --cap-add CHOWN busybox sleep 3600
            ```
            """,
    ]

    @Test func aClassOfSixIsGradedTwoAtATimeWithExactScoresAndNothingLeft() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let dir = NSTemporaryDirectory() + "isolab-class-" + f.namespace
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/subs", withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: dir) }
        for (learner, answers) in Self.submissions {
            // Both layouts: a learner's repository folder, and a bare file.
            if learner.count % 2 == 0 {
                try fm.createDirectory(atPath: "\(dir)/subs/\(learner)", withIntermediateDirectories: true)
                try answers.write(toFile: "\(dir)/subs/\(learner)/answers.md", atomically: true, encoding: .utf8)
            } else {
                try answers.write(toFile: "\(dir)/subs/\(learner).md", atomically: true, encoding: .utf8)
            }
        }
        let before = try f.ok("isolab namespace ls -q | sort")

        let r = try f.sh("isolab lab grade \(Self.labPath) --answers-dir \(dir)/subs --jobs 2 --out \(dir)/grades",
                         timeout: 600)
        #expect(r.status == 0, "every submission was graded: \(r.output)")

        let csv = try String(contentsOfFile: dir + "/grades/gradebook.csv", encoding: .utf8)
        #expect(csv == [
            "learner,04-capabilities/minimal,04-capabilities/powerless,total,max_score",
            "broken,0,0,0,5", "empty,0,0,0,5", "fifty,2,0,2,5", "full,2,3,5,5", "hanging,0,0,0,5", "partial,2,0,2,5",
        ].map { $0 + "\r\n" }.joined())
        #expect(fm.fileExists(atPath: dir + "/grades/gradebook.html"))

        func output(_ learner: String) throws -> String {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/grades/\(learner).json"))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect((json["isolab"] as? [String: Any])?["learner"] as? String == learner)
            let tests = try #require(json["tests"] as? [[String: Any]])
            return tests.compactMap { $0["output"] as? String }.joined(separator: "\n")
        }
        #expect(try output("empty").contains("no answer"))
        #expect(try output("hanging").contains("timed out after 30s and was killed"))
        #expect(try output("broken").contains("the answers file is invalid"))
        #expect(try output("broken").contains("subs/broken/answers.md:1:1: an answers file holds only answer blocks"))
        #expect(try output("partial").contains("FAIL: powerless names capabilities: CHOWN"))
        #expect(r.output.contains("[6/6]"), "progress for every learner: \(r.output)")

        // Each submission ran in a namespace of its own and took it with it.
        #expect(try f.ok("isolab namespace ls -q | sort") == before)
    }
}
