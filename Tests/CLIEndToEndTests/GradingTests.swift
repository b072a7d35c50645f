import Foundation
import Testing

/// `isolab lab grade` and the reports, through the real binary, on a learner's half-done work.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct GradingTests {
    static let lab = """
    # Grading fixture

    Start a busybox container named `web` that sleeps.

    ```sh {check #running points=2 hint="docker run -d --name web busybox sleep 3600"}
    docker inspect -f '{{.State.Running}}' web | grep -q true || { echo "FAIL: web is not running"; exit 1; }
    ```

    Give it the label `tier=front` (partial credit: 1 of 3 for a running container without it).

    ```sh {check #labelled points=3}
    if [ "$(docker inspect -f '{{index .Config.Labels "tier"}}' web)" = front ]; then exit 0; fi
    echo "FAIL: no tier=front label"; echo "SCORE: 1"; exit 1
    ```

    ```sh {check #crashes points=4}
    kill -9 $$
    ```

    <!-- lab:solution for=#running
    docker run -d --name web busybox sleep 3600
    -->
    """

    @Test func aHalfDoneExerciseGetsItsExactPartialScore() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let dir = NSTemporaryDirectory() + "isolab-grade-" + f.namespace
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.lab.write(toFile: dir + "/lab.md", atomically: true, encoding: .utf8)

        // The learner did the first part only.
        try f.ok("docker run -d --name web busybox sleep 3600")
        let r = try f.sh("isolab lab grade \(dir)/lab.md --learner ada --json \(dir)/r.json --junit \(dir)/r.xml --html \(dir)/r.html")
        #expect(r.status == 1, "not a full score: \(r.output)")
        #expect(r.output.contains("3/9"), "\(r.output)")

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/r.json"))) as? [String: Any]
        #expect(json?["score"] as? Double == 3)
        #expect(json?["max_score"] as? Double == 9)
        let tests = json?["tests"] as? [[String: Any]] ?? []
        let byName = Dictionary(uniqueKeysWithValues: tests.compactMap { t in (t["name"] as? String).map { ($0, t) } })
        #expect(byName["lab/running"]?["score"] as? Double == 2)
        #expect(byName["lab/labelled"]?["score"] as? Double == 1)
        let labelledOutput = byName["lab/labelled"]?["output"] as? String ?? ""
        #expect(labelledOutput.contains("no tier=front label"))
        #expect(byName["lab/crashes"]?["score"] as? Double == 0)
        let crashOutput = (byName["lab/crashes"]?["output"] as? String ?? "").lowercased()
        #expect(crashOutput.contains("signal") || crashOutput.contains("killed"), "the crash says why: \(crashOutput)")
        // Grading looks, it removes nothing.
        #expect(try f.ok("docker ps -q --filter name=web") != "")
        let html = try String(contentsOfFile: dir + "/r.html", encoding: .utf8)
        #expect(html.contains("3 / 9") && html.contains("labelled") && html.contains("crashes"))
        #expect(FileManager.default.fileExists(atPath: dir + "/r.xml"))
    }
}
