import Foundation
import Testing
import LabEngine
import LabFormat
import LabReports

@Suite struct GradeAndMeasureTests {
    static let gradedLab = #"""
        <!-- lab:setup
        touch "@S@/setup-ran"
        -->

        ```sh {#step}
        touch "@S@/step-ran"
        ```

        ```sh {check #full points=2}
        echo "namespace $ISOLAB_NAMESPACE"
        ```

        ```sh {check #partial points=4 hint="look at the second file"}
        echo "FAIL: the second file is missing"
        echo "SCORE: 3"
        exit 1
        ```

        ```sh {check #too-much points=2}
        echo "SCORE: 9"
        ```

        ```sh {check #slow timeout=300ms}
        sleep 5
        ```

        ```sh {check #crash}
        kill -9 $$
        ```

        ```console {check #transcript points=2 hint="start container1"}
        $ echo nope
        yes
        ```

        <!-- lab:solution for=#full
        touch "@S@/solution-ran"
        -->

        <!-- lab:cleanup
        touch "@S@/cleanup-ran"
        -->
        """#

    @Test func gradeRunsOnlyChecksInTheLearnersNamespaceAndScoresThem() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let options = LabRunOptions(mode: .grade, environment: ["PATH": "/usr/bin:/bin", "ISOLAB_NAMESPACE": "alice"],
                                    learner: "Alice")
        let result = try h.run(Self.gradedLab, options: options)
        #expect(result.blocks.map(\.id) == ["full", "partial", "too-much", "slow", "crash", "transcript"])
        #expect(!h.exists("setup-ran") && !h.exists("step-ran") && !h.exists("solution-ran") && !h.exists("cleanup-ran"))
        #expect(h.host.removedNamespaces.isEmpty, "grade removes nothing")
        #expect(h.host.prepareCount == 0)
        #expect(result.namespace == "alice")

        let full = try #require(result.block("full"))
        #expect(full.status == .passed && full.score == 2 && full.maxScore == 2)
        #expect(full.commands.first?.actual == "namespace alice")

        let partial = try #require(result.block("partial"))
        #expect(partial.status == .failed && partial.score == 3 && partial.maxScore == 4)
        #expect(partial.message == "the second file is missing")
        #expect(partial.hint == "look at the second file")

        #expect(result.block("too-much")?.score == 2, "SCORE is capped at the check's points")
        #expect(result.block("too-much")?.status == .passed)

        let slow = try #require(result.block("slow"))
        #expect(slow.status == .timedOut && slow.score == 0)
        #expect(slow.message?.contains("timed out after 300ms") == true)

        let crash = try #require(result.block("crash"))
        #expect(crash.status == .failed && crash.score == 0)
        #expect(crash.message?.contains("killed by signal 9") == true)

        let transcript = try #require(result.block("transcript"))
        #expect(transcript.score == 0 && transcript.hint == "start container1")
        #expect(result.score == 7 && result.maxScore == 12)
    }

    @Test func gradeUsesTheDefaultNamespaceWithoutOne() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let result = try h.run("```sh {check #c}\ntest \"$ISOLAB_NAMESPACE\" = default\n```\n",
                               options: LabRunOptions(mode: .grade, environment: ["PATH": "/usr/bin:/bin"]))
        #expect(result.block("c")?.status == .passed)
    }

    @Test func measureSamplesTheContainerAndStopsTheBlock() throws {
        let h = try LabHarness(host: FakeContainerHost(cores: 0.5)); defer { h.cleanUp() }
        let result = try h.run(#"""
            ```console {#half measure=cpu:spinner window=1200ms expect-cores=0.40..0.60}
            $ echo $$ > "@S@/spin.pid"; sleep 30
            ```

            ```sh {#wrong measure=cpu:spinner window=800ms expect-cores=0.9..1.1}
            sleep 30
            ```

            ```sh {#missing measure=cpu:nobody window=700ms}
            sleep 30
            ```
            """#)
        let half = try #require(result.block("half"))
        #expect(half.status == .passed, "\(half.message ?? "")")
        let measure = try #require(half.measure)
        #expect(measure.container == "spinner" && measure.window == 1.2)
        #expect(measure.expectLow == 0.4 && measure.expectHigh == 0.6)
        #expect(!measure.samples.isEmpty)
        #expect(measure.samples.allSatisfy { $0.t > 0.5 }, "the first half second is left out")
        #expect(abs(measure.meanCores - 0.5) < 0.05)
        #expect(half.commands.first?.exitStatus == nil, "the block was stopped, not finished")
        let pid = try #require(h.read("spin.pid").flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        #expect(kill(pid, 0) != 0)

        let wrong = try #require(result.block("wrong"))
        #expect(wrong.status == .failed)
        #expect(wrong.message?.contains("0.50 cores on average, expected 0.90..1.10") == true)

        let missing = try #require(result.block("missing"))
        #expect(missing.status == .failed)
        #expect(missing.message?.contains("no container nobody") == true)
        #expect(Set(h.host.sampledNamespaces) == [result.namespace ?? "?"])
    }
}
