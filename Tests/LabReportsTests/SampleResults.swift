import Foundation
import LabReports
import LabResults
import LabFormat

/// Results written out by hand, as LabEngine would fill them, covering what the reports must
/// show: a passed lab, a failed transcript with a diff, partial credit, a timeout, a measure
/// block with samples, a skipped block, hidden setup and cleanup.
enum SampleResults {
    static let started = Date(timeIntervalSince1970: 1_796_029_200.25)   // 2026-11-30T09:00:00.250Z
    static let finished = Date(timeIntervalSince1970: 1_796_029_212.75)  // 12.5 s later

    static let host = HostFacts(hostname: "vm1", kernel: "6.1.0-28-amd64", cgroupVersion: "v2", architecture: "x86_64")

    /// What `#hostname` printed: markup that must reach every report escaped.
    static let hostileOutput = "<script>alert('x')</script> & \"quotes\"\u{1B}[0m"

    static let basicsMarkdown = """
    # Container basics

    Containers are *processes*. Start one:

    <!-- lab:setup
    docker rm -f c1 || true
    -->

    ```console {#start}
    $ docker run -d --name c1 alpine sleep 1000
    [..]
    ```

    Check the hostname:

    ```console {#hostname check points=2 hint="use --hostname"}
    $ docker exec c1 hostname
    web
    ```

    1. A check inside a list:

       ```sh {#in-list check points=2}
       test -f /tmp/x
       ```

    Burn a core:

    ```sh {#burn measure=cpu:c1 expect-cores=0.8..1.2}
    docker exec c1 sh -c 'while :; do :; done'
    ```

    ```sh {#slow check points=3 timeout=1s}
    sleep 100
    ```

    <script>alert("from the lab")</script>

    ```console {#after}
    $ true
    ```

    <!-- lab:cleanup
    docker rm -f c1
    -->

    """

    static func command(_ text: String, line: Int, expected: String? = nil, expectedStatus: Int? = nil, actual: String = "",
                        exit: Int32? = 0, matched: Bool = true, diff: String? = nil, timedOut: Bool = false) -> CommandResult {
        CommandResult(command: text, line: line, expected: expected, expectedStatus: expectedStatus, actual: actual,
                      exitStatus: exit, duration: 0.125, matched: matched, diff: diff, timedOut: timedOut)
    }

    static func block(_ id: String, _ kind: LabBlockKind, _ language: String, line: Int, _ status: Status,
                      commands: [CommandResult] = [], score: Double = 0, maxScore: Double = 0, message: String? = nil,
                      hint: String? = nil, measure: CPUMeasurement? = nil) -> BlockResult {
        BlockResult(id: id, kind: kind, language: language, line: line, column: 1, status: status, duration: 0.5,
                    attempts: 1, commands: commands, score: score, maxScore: maxScore, reason: message.map { .text($0) }, hint: hint,
                    background: false, measure: measure)
    }

    static let samples: [CPUSample] = (0..<25).map { i in
        CPUSample(t: 0.5 + Double(i) * 0.1, cores: i % 5 == 0 ? 0.9 : 1.0 + Double(i % 3) * 0.02)
    }

    static let setup = block("setup-1", .setup, "", line: 5, .passed, commands: [command("docker rm -f c1 || true", line: 6, actual: "")])
    static let start = block("start", .step, "console", line: 9, .passed,
                             commands: [command("docker run -d --name c1 alpine sleep 1000", line: 10, expected: "[..]", actual: "3f2a9c")])
    static let hostname = block("hostname", .check, "console", line: 16, .failed,
                                commands: [command("docker exec c1 hostname", line: 17, expected: "web", actual: hostileOutput,
                                                   matched: false, diff: "--- expected labs/basics.md:17\n+++ actual\n-web\n+" + hostileOutput)],
                                score: 0, maxScore: 2, message: "output differs", hint: "use --hostname")
    static let inList = block("in-list", .check, "sh", line: 23, .failed,
                              commands: [command("test -f /tmp/x", line: 24, actual: "FAIL: /tmp/x is missing\nSCORE: 1", exit: 1)],
                              score: 1, maxScore: 2, message: "FAIL: /tmp/x is missing")
    static let measurement = CPUMeasurement(container: "c1", window: 3, expectLow: 0.8, expectHigh: 1.2,
                                                    samples: samples, meanCores: 0.996)
    static let burn = block("burn", .step, "sh", line: 29, .passed,
                            commands: [command("docker exec c1 sh -c 'while :; do :; done'", line: 30, actual: "", exit: nil)],
                            measure: measurement)
    static let slow = block("slow", .check, "sh", line: 33, .timedOut,
                            commands: [command("sleep 100", line: 34, actual: "", exit: nil, matched: false, timedOut: true)],
                            score: 0, maxScore: 3, message: "timed out after 1s")
    static let after = block("after", .step, "console", line: 39, .skipped)
    static let cleanup = block("cleanup-1", .cleanup, "", line: 43, .passed, commands: [command("docker rm -f c1", line: 44, actual: "c1")])

    static let basics = LabResult(
        path: "labs/basics.md", title: "Container basics", markdown: basicsMarkdown, status: .failed, error: nil,
        duration: 9.5, blocks: [setup, start, hostname, inList, burn, slow, after, cleanup], namespace: "run-7f3a")

    static let hello = block("hello", .step, "console", line: 3, .passed,
                             commands: [command("echo hi", line: 4, expected: "hi", actual: "hi")])
    static let ok = block("ok", .check, "sh", line: 8, .passed, commands: [command("true", line: 9)], score: 1, maxScore: 1)

    static let passing = LabResult(
        path: "labs/passing.md", title: "Passing lab", markdown: "# Passing lab\n\n```console {#hello}\n$ echo hi\nhi\n```\n\n```sh {#ok check}\ntrue\n```\n",
        status: .passed, error: nil, duration: 0.4,
        blocks: [hello, ok],
        namespace: nil)

    static func run(learner: String? = "alice", labs: [LabResult] = [basics, passing]) -> RunResults {
        RunResults(tool: "isolab 0.1.0", mode: .run, learner: learner, startedAt: started, finishedAt: finished,
                   host: host, labs: labs)
    }
}
