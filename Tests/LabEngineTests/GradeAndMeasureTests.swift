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
        #expect(h.host.prepareCount == 1, "grade prepares the images too, before the first check")
        #expect(result.namespace == "alice")

        let full = try #require(result.block("full"))
        #expect(full.status == .passed && full.score == 2 && full.maxScore == 2)
        #expect(full.commands.first?.actual == "namespace alice")

        let partial = try #require(result.block("partial"))
        #expect(partial.status == .failed && partial.score == 3 && partial.maxScore == 4)
        #expect(partial.message == "the second file is missing")
        #expect(partial.hint == "look at the second file")

        let tooMuch = try #require(result.block("too-much"))
        #expect(tooMuch.status == .failed && tooMuch.score == 0, "a SCORE above the points is the check's bug, not clamped")
        #expect(tooMuch.message?.contains("SCORE: 9 is outside 0...2") == true)

        let slow = try #require(result.block("slow"))
        #expect(slow.status == .timedOut && slow.score == 0)
        #expect(slow.message?.contains("timed out after 300ms") == true)

        let crash = try #require(result.block("crash"))
        #expect(crash.status == .failed && crash.score == 0)
        #expect(crash.message?.contains("killed by signal 9") == true)

        let transcript = try #require(result.block("transcript"))
        #expect(transcript.score == 0 && transcript.hint == "start container1")
        #expect(result.score == 5 && result.maxScore == 12)
    }

    @Test func gradeUsesTheDefaultNamespaceWithoutOne() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let result = try h.run("```sh {check #c}\ntest \"$ISOLAB_NAMESPACE\" = default\n```\n",
                               options: LabRunOptions(mode: .grade, environment: ["PATH": "/usr/bin:/bin"]))
        #expect(result.block("c")?.status == .passed)
    }

    /// `measure=cgroup:PATH` samples a cgroup by path, with captures of earlier blocks and the
    /// reset variables (ISOLAB_NAMESPACE) expanded into it;
    /// a capture that would leave the cgroup root is refused, not read.
    @Test func measureSamplesACgroupByPath() throws {
        let h = try LabHarness(host: FakeContainerHost(cores: 0.25)); defer { h.cleanUp() }
        let result = try h.run(#"""
            ```console {#name}
            $ echo run42
            (?<run>run[0-9]+) (re)
            $ echo ..
            (?<up>.+) (re)
            ```

            ```sh {#quarter measure=cgroup:/spin/${run} window=1200ms expect-cores=0.15..0.35}
            sleep 30
            ```

            ```sh {#plain measure=cgroup:spin/$run/$ISOLAB_NAMESPACE window=700ms}
            sleep 30
            ```

            ```sh {#escape measure=cgroup:spin/$up/x window=700ms}
            sleep 30
            ```

            ```sh {#unknown measure=cgroup:spin/$nobody window=700ms}
            sleep 30
            ```

            ```sh {#absent measure=cgroup:elsewhere window=700ms}
            sleep 30
            ```
            """#)
        let quarter = try #require(result.block("quarter"))
        #expect(quarter.status == .passed, "\(quarter.message ?? "")")
        let measure = try #require(quarter.measure)
        #expect(measure.cgroup == "/spin/run42" && measure.container == "" && measure.subject == "cgroup /spin/run42")
        #expect(abs(measure.meanCores - 0.25) < 0.05)
        #expect(result.block("plain")?.status == .passed)
        #expect(h.host.sampledCgroups.contains("spin/run42/\(result.namespace ?? "")"))
        let escape = try #require(result.block("escape"))
        #expect(escape.status == .failed && escape.message?.contains("contains '.' or '..'") == true)
        let unknown = try #require(result.block("unknown"))
        #expect(unknown.status == .failed && unknown.message?.contains("no capture or variable named 'nobody'") == true)
        let absent = try #require(result.block("absent"))
        #expect(absent.status == .failed && absent.message?.contains("no CPU samples of cgroup elsewhere") == true)
        #expect(!h.host.sampledCgroups.contains { $0.contains("..") })
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

    @Test func aNegativeScoreFailsWithAMessage() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let result = try h.run("```sh {check #neg points=2}\necho 'SCORE: -1'\n```\n",
                               options: LabRunOptions(mode: .grade, environment: ["PATH": "/usr/bin:/bin"]))
        let check = try #require(result.block("neg"))
        #expect(check.status == .failed && check.score == 0)
        #expect(check.message?.contains("SCORE: -1 is outside 0...2") == true)
    }

    @Test func gradeStopsWhenTheImagesCannotBePrepared() throws {
        let h = try LabHarness(host: FakeContainerHost(failPrepare: true)); defer { h.cleanUp() }
        let result = try h.run("```sh {check #c}\ntouch \"@S@/ran\"\n```\n",
                               options: LabRunOptions(mode: .grade, environment: ["PATH": "/usr/bin:/bin"]))
        #expect(result.status == .error)
        #expect(result.error?.contains("no busybox image") == true)
        #expect(result.block("c")?.status == .skipped)
        #expect(!h.exists("ran"))
    }

    @Test func measureRunsLeadingCommandsInOrderUnderTheirTimeout() throws {
        let h = try LabHarness(host: FakeContainerHost(cores: 0.5)); defer { h.cleanUp() }
        let result = try h.run(#"""
            ```console {#prepared measure=cpu:spinner window=700ms}
            $ sleep 0.3; touch "@S@/first"
            $ test -f "@S@/first" && touch "@S@/in-order"; sleep 30
            ```

            ```console {#slow measure=cpu:spinner window=700ms timeout=300ms}
            $ sleep 5
            $ touch "@S@/never"; sleep 30
            ```
            """#)
        #expect(result.block("prepared")?.status == .passed)
        #expect(h.exists("in-order"), "the measured command starts after the ones before it")
        #expect(result.block("prepared")?.commands.count == 2)
        let slow = try #require(result.block("slow"))
        #expect(slow.status == .timedOut)
        #expect(slow.message?.contains("timed out after 300ms") == true)
        #expect(!h.exists("never"))
    }

    @Test func aBackgroundMeasureBlockKeepsRunningUntilTheLastBlock() throws {
        let h = try LabHarness(host: FakeContainerHost(cores: 0.5)); defer { h.cleanUp() }
        let result = try h.run(#"""
            ```console {#spin measure=cpu:spinner window=700ms expect-cores=0.4..0.6 background}
            $ echo $$ > "@S@/spin.pid"; sleep 30
            ```

            ```console {#after}
            $ kill -0 "$(cat "@S@/spin.pid")" && echo alive
            alive
            ```

            <!-- lab:cleanup
            if kill -0 "$(cat "@S@/spin.pid")" 2>/dev/null; then echo running > "@S@/state"; else echo stopped > "@S@/state"; fi
            -->
            """#)
        let spin = try #require(result.block("spin"))
        #expect(spin.status == .passed, "\(spin.message ?? "")")
        #expect(spin.measure?.samples.isEmpty == false)
        #expect(result.block("after")?.status == .passed, "still running after its window")
        #expect(h.read("state") == "stopped\n", "killed before cleanup")
    }
}
