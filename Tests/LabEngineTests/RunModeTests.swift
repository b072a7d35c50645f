import Foundation
import Testing
import LabEngine
import LabFormat
import LabReports
import LabResults

@Suite struct RunModeTests {
    @Test func transcriptsPassAndFailWithADiffNamingTheLine() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let result = try h.run(#"""
            # T

            ```console {#ok}
            $ printf 'a\nb\n'
            a
            b
            $ sh -c 'echo oops >&2; exit 3'
            oops
            [3]
            ```

            ```console {#bad}
            $ echo actual
            expected
            $ echo never-runs
            never-runs
            ```

            ```console {#after}
            $ true
            ```
            """#)
        #expect(result.status == .failed)
        #expect(result.block("ok")?.status == .passed)
        let bad = try #require(result.block("bad"))
        #expect(bad.status == .failed)
        #expect(bad.commands.count == 1, "the block stops at its first mismatch")
        #expect(bad.commands[0].diff == "--- expected Labs/test.md:13\n+++ actual\n-expected\n+actual")
        #expect(bad.message?.contains("Labs/test.md:13") == true)
        #expect(result.block("after")?.status == .passed, "later blocks still run")
    }

    @Test func environmentIsResetAndTheWorkingDirectoryIsSharedAndFresh() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let options = LabRunOptions(dockerExecutable: "/bin/echo",
                                    environment: ["PATH": "/usr/bin:/bin", "HOME": "/home/x", "SECRET": "s",
                                                  "ISOLAB_ROOT": "/tmp/r", "ISOLAB_NAMESPACE": "learner"])
        let result = try h.run(#"""
            ```console {#env}
            $ echo "$LANG $TZ $COLUMNS $TERM $HOME ${SECRET:-unset} $ISOLAB_ROOT"
            C UTC 80 dumb /home/x unset /tmp/r
            $ echo "$ISOLAB_NAMESPACE"
            lab-[0-9a-f]{8} (re)
            $ docker hello; echo "$PATH" | cut -d: -f2-
            hello
            /usr/bin:/bin
            $ cat
            $ cat <<'EOF'
            > from a here-document
            > EOF
            from a here-document
            $ pwd > "@S@/wd"; cd /; export X=1; touch "$OLDPWD/here.txt"
            $ ls; echo "[${X:-}]"
            here.txt
            [] (glob)
            ```
            """#, options: options)
        #expect(result.status == .passed, "\(result.blocks.map { $0.commands.map(\.diff) })")
        let namespace = try #require(result.namespace)
        #expect(h.host.removedNamespaces == [namespace])
        let workDirectory = try #require(h.read("wd")?.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(!FileManager.default.fileExists(atPath: workDirectory), "the working directory is removed")
    }

    @Test func capturesReachLaterCommandsButNotFromFailedBlocks() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let result = try h.run(#"""
            ```console {#name}
            $ echo "host: abc123"
            host: (?<host>[a-z0-9]+) (re)
            $ echo "same block sees $host"
            same block sees abc123
            ```

            ```console {#failed}
            $ echo "id-7"
            id-(?<lost>[0-9]+) (re)
            $ false
            ```

            ```sh {#use}
            test "$host" = abc123 && test -z "${lost:-}"
            ```
            """#)
        #expect(result.block("name")?.status == .passed)
        #expect(result.block("failed")?.status == .failed)
        #expect(result.block("use")?.status == .passed, "\(String(describing: result.block("use")))")
    }

    @Test func aTimeoutKillsTheGroupAndKeepsPartialOutput() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let result = try h.run(#"""
            ```console {#slow timeout=500ms}
            $ echo before; sleep 5 & echo $! > "@S@/child"; wait
            before
            ```
            """#)
        let block = try #require(result.block("slow"))
        #expect(block.status == .timedOut)
        let command = try #require(block.commands.first)
        #expect(command.timedOut)
        #expect(command.exitStatus == nil)
        #expect(command.actual == "before")
        let child = try #require(h.read("child").flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        // The backgrounded sleep was in the command's group: it is gone (or a reaped zombie of init).
        #expect(kill(child, 0) != 0 || Self.isZombie(child))
    }

    static func isZombie(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }

    @Test func aProcessThatLeftTheGroupDoesNotHoldTheCommandOpen() throws {
        let h = try LabHarness(); defer {
            if let pid = h.read("escaped").flatMap({ Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) { kill(pid, SIGKILL) }
            h.cleanUp()
        }
        // setsid puts the sleep in a session of its own, as a container monitor would be; it
        // inherits the output pipe. The command must end when its shell ends, not at EOF.
        let result = try h.run(#"""
            ```console {#escape timeout=20s}
            $ setsid sh -c 'echo $$ > "@S@/escaped"; exec sleep 30' & sleep 0.2; echo done
            done
            ```
            """#)
        let block = try #require(result.block("escape"))
        #expect(block.status == .passed)
        #expect(block.duration < 15, "waited for the escaped process's EOF")
    }

    @Test func aFullPipeNeverDeadlocks() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let result = try h.run(#"""
            ```console {#big}
            $ head -c 300000 /dev/zero | tr '\0' 'x' | fold -w 100; echo; echo end
            x* (glob)
            ...
            end
            ```
            """#)
        // 300 kB is far more than a pipe holds: the command only ends if it is read while it runs.
        #expect(result.block("big")?.commands.first?.actual.count == 303_003)
        #expect(result.block("big")?.status == .passed, "\(String(describing: result.block("big")))")
    }

    @Test func runawayOutputIsCutAtTheLimitAndSaysSo() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let result = try h.run(#"""
            ```sh {#flood}
            head -c 3000000 /dev/zero | tr '\0' 'z'
            ```
            """#)
        let block = try #require(result.block("flood"))
        #expect(block.status == .passed)
        let actual = try #require(block.commands.first?.actual)
        #expect(actual.hasPrefix("zzz"))
        #expect(actual.hasSuffix("[isolab: output truncated at 1048576 bytes]"))
        #expect(actual.utf8.count < 1_100_000)
    }

    @Test func cleanupRunsAfterAFailureAndSetupRunsFirst() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let result = try h.run(#"""
            ```sh {#fails}
            test -f "@S@/setup-ran" && exit 1
            ```

            <!-- lab:cleanup
            touch "@S@/cleaned"
            -->

            <!-- lab:setup
            touch "@S@/setup-ran"
            -->
            """#)
        #expect(result.blocks.map(\.id) == ["setup-1", "fails", "cleanup-1"])
        #expect(result.status == .failed)
        #expect(h.exists("cleaned"))
    }

    @Test func aFailedSetupFailsTheLabButLaterBlocksStillRun() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let lab = #"""
            <!-- lab:setup
            exit 4
            -->

            ```sh {#step}
            touch "@S@/step"
            ```

            <!-- lab:cleanup
            touch "@S@/cleaned"
            -->
            """#
        let result = try h.run(lab)
        #expect(result.status == .failed)
        #expect(result.block("setup-1")?.status == .failed)
        #expect(result.block("step")?.status == .passed)
        #expect(h.exists("step") && h.exists("cleaned"))

        let h2 = try LabHarness(); defer { h2.cleanUp() }
        let fast = try h2.run(lab, options: LabRunOptions(failFast: true))
        #expect(fast.status == .failed)
        #expect(fast.block("step")?.status == .skipped)
        #expect(fast.block("step")?.message?.contains("setup block setup-1 failed") == true)
        #expect(!h2.exists("step") && h2.exists("cleaned"))
    }

    @Test func backgroundTranscriptsRunLeadingCommandsInOrderUnderTheirTimeout() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let result = try h.run(#"""
            ```console {#bg background}
            $ sleep 0.3; touch "@S@/first"
            $ test -f "@S@/first" && touch "@S@/in-order"; sleep 30
            ```

            ```console {#slow background timeout=300ms}
            $ sleep 5
            $ touch "@S@/never"; sleep 30
            ```

            ```console {#wait}
            $ for i in 1 2 3 4 5 6 7 8 9 10; do [ -f "@S@/in-order" ] && break; sleep 0.1; done; ls "@S@"
            first
            in-order
            ```
            """#)
        #expect(result.block("bg")?.status == .passed)
        #expect(result.block("bg")?.commands.count == 2)
        let slow = try #require(result.block("slow"))
        #expect(slow.status == .timedOut)
        #expect(result.block("wait")?.status == .passed)
        #expect(!h.exists("never"))
    }

    @Test func progressShowsTheRunningBlockAndEveryFinishedOne() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let lab = try h.lab("```sh {#a}\ntrue\n```\n\n```sh {#b}\ntrue\n```\n")
        let runner = LabRunner(host: h.host, options: LabRunOptions(environment: ["PATH": "/usr/bin:/bin"]))
        var snapshots: [RunResults] = []
        runner.onProgress = { snapshots.append($0) }
        let final = runner.run([lab])
        // The lab's start, then the start and end of each block.
        #expect(snapshots.count == 5)
        #expect(snapshots.first?.labs.first?.status == .running && snapshots.first?.labs.first?.blocks.isEmpty == true)
        let whileB = try #require(snapshots.dropFirst(3).first?.labs.first)
        #expect(whileB.status == .running)
        #expect(whileB.blocks.map(\.id) == ["a", "b"])
        #expect(whileB.blocks.map(\.status) == [.passed, .running])
        #expect(snapshots.last?.labs.first?.blocks.map(\.status) == [.passed, .passed])
        #expect(final.labs.first?.status == .passed)
    }

    @Test func solutionsRunJustBeforeTheirCheck() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let result = try h.run(#"""
            ```sh {check #made points=3 hint="create the file"}
            test -f made.txt
            ```

            <!-- lab:solution for=#made
            touch made.txt
            -->

            ```sh {#later}
            echo later
            ```
            """#)
        #expect(result.blocks.map(\.id) == ["solution-1", "made", "later"])
        #expect(result.block("made")?.score == 3)
        #expect(result.score == 3 && result.maxScore == 3)
    }

    @Test func retryRunsTheBlockAgainUntilItPasses() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let result = try h.run(#"""
            ```console {#flaky retry=10s}
            $ n=$(cat "@S@/n" 2>/dev/null || echo 0); echo $((n + 1)) > "@S@/n"; echo "attempt $((n + 1))"
            attempt (?<n>3) (re)
            ```

            ```console {#never retry=1s timeout=500ms}
            $ false
            ```

            ```console {#seen}
            $ echo "$n"
            3
            ```
            """#)
        let flaky = try #require(result.block("flaky"))
        #expect(flaky.status == .passed)
        #expect(flaky.attempts == 3)
        let never = try #require(result.block("never"))
        #expect(never.status == .failed)
        #expect(never.attempts >= 2)
        #expect(result.block("seen")?.status == .passed)
    }

    @Test func backgroundBlocksRunUntilTheLastBlockAndAreKilledBeforeCleanup() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let result = try h.run(#"""
            ```sh {#ticker background}
            echo $$ > "@S@/bg.pid"
            while true; do echo tick; sleep 0.1; done
            ```

            ```console {#wait}
            $ for i in 1 2 3 4 5 6 7 8 9 10; do [ -s "@S@/bg.pid" ] && break; sleep 0.1; done; kill -0 "$(cat "@S@/bg.pid")" && echo alive
            alive
            ```

            <!-- lab:cleanup
            if kill -0 "$(cat "@S@/bg.pid")" 2>/dev/null; then echo running > "@S@/state"; else echo stopped > "@S@/state"; fi
            -->
            """#)
        let ticker = try #require(result.block("ticker"))
        #expect(ticker.status == .passed)
        #expect(ticker.background)
        #expect(ticker.commands.first?.actual.hasPrefix("tick") == true)
        #expect(result.block("wait")?.status == .passed)
        #expect(h.read("state") == "stopped\n")
    }

    @Test func failFastSkipsTheRestButRunsCleanup() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let result = try h.run(#"""
            ```sh {#one}
            false
            ```

            ```sh {#two}
            touch "@S@/two"
            ```

            <!-- lab:cleanup
            touch "@S@/cleaned"
            -->
            """#, options: LabRunOptions(failFast: true))
        #expect(result.block("two")?.status == .skipped)
        #expect(!h.exists("two"))
        #expect(h.exists("cleaned"))
    }

    @Test func onlyRunsOneBlockWithSetupAndCleanup() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let result = try h.run(#"""
            <!-- lab:setup
            true
            -->

            ```sh {#one}
            touch "@S@/one"
            ```

            ```sh {#two}
            true
            ```
            """#, options: LabRunOptions(only: "two"))
        #expect(result.blocks.map(\.id) == ["setup-1", "two"])
        #expect(!h.exists("one"))
    }

    @Test func keepLeavesTheNamespaceAndMissingImagesStopTheLab() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let kept = try h.run("```sh {#a}\ntrue\n```\n", options: LabRunOptions(keep: true))
        #expect(kept.status == .passed)
        #expect(h.host.removedNamespaces.isEmpty)
        #expect(h.host.prepareCount == 1)

        let broken = try LabHarness(host: FakeContainerHost(failPrepare: true)); defer { broken.cleanUp() }
        let failed = try broken.run("```sh {#a}\ntrue\n```\n")
        #expect(failed.status == .error)
        #expect(failed.error?.contains("no busybox image") == true)
        #expect(failed.block("a")?.status == .skipped)
    }

    @Test func twoConcurrentRunsOfTheSameLabDoNotMeet() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let markdown = #"""
            ```console {#own}
            $ echo "$ISOLAB_NAMESPACE" > ns; sleep 0.5; test "$(cat ns)" = "$ISOLAB_NAMESPACE" && ls
            ns
            ```
            """#
        let lab = try h.lab(markdown)
        let results = ResultBox()
        let group = DispatchGroup()
        for _ in 0..<2 {
            group.enter()
            Thread.detachNewThread {
                let runner = LabRunner(host: h.host, options: LabRunOptions(environment: ["PATH": "/usr/bin:/bin"]))
                results.append(runner.run([lab]))
                group.leave()
            }
        }
        group.wait()
        let labs = results.all.flatMap(\.labs)
        #expect(labs.count == 2)
        #expect(labs.allSatisfy { $0.status == .passed })
        #expect(Set(labs.compactMap(\.namespace)).count == 2)
        #expect(Set(h.host.removedNamespaces) == Set(labs.compactMap(\.namespace)))
    }
}

/// Results from several threads.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [RunResults] = []
    func append(_ r: RunResults) { lock.withLock { items.append(r) } }
    var all: [RunResults] { lock.withLock { items } }
}
