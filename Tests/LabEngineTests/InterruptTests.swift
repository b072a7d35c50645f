import Foundation
import Testing
import LabEngine
import LabFormat
import LabReports
import LabResults

/// Serialized: one test sends a real SIGINT to this process.
@Suite(.serialized) struct InterruptTests {
    static let longLab = #"""
        ```console {#long timeout=60s}
        $ echo started | tee "@S@/started"; sleep 30
        ```

        ```sh {#next}
        touch "@S@/next-ran"
        ```

        <!-- lab:cleanup
        touch "@S@/cleaned"
        -->
        """#

    /// Waits (bounded) until the lab's first command is running.
    static func waitForStart(_ h: LabHarness) {
        for _ in 0..<200 where !h.exists("started") { usleep(20_000) }
    }

    static func checkInterrupted(_ result: LabResult, _ h: LabHarness) {
        #expect(result.status == .error)
        #expect(result.block("long")?.status == .error)
        #expect(result.block("long")?.message == "Labs/test.md:2: interrupted")
        #expect(result.block("long")?.commands.first?.exitStatus == nil)
        #expect(result.block("long")?.commands.first?.actual == "started")
        #expect(result.block("next")?.status == .skipped)
        #expect(!h.exists("next-ran"))
        #expect(h.exists("cleaned"), "cleanup runs after an interrupt")
        #expect(result.block("cleanup-1")?.status == .passed)
        #expect(h.host.removedNamespaces == [result.namespace ?? "?"])
    }

    @Test func sigintKillsTheRunningGroupThenCleansUp() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let cancellation = RunCancellation()
        let handler = InterruptHandler(cancellation: cancellation)
        defer { handler.uninstall() }
        let sender = Thread {
            InterruptTests.waitForStart(h)
            kill(getpid(), SIGINT)
        }
        sender.start()
        let result = try h.run(Self.longLab, cancellation: cancellation)
        #expect(cancellation.signal == SIGINT)
        #expect(result.error == "interrupted by SIGINT")
        Self.checkInterrupted(result, h)
    }

    @Test func cancelFromAnotherThreadDoesTheSame() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let cancellation = RunCancellation()
        let sender = Thread {
            InterruptTests.waitForStart(h)
            cancellation.cancel()
        }
        sender.start()
        let result = try h.run(Self.longLab, cancellation: cancellation)
        #expect(result.error == "interrupted")
        Self.checkInterrupted(result, h)
    }
}

@Suite struct SecondInterruptTests {
    @Test func aSecondCancelStopsCleanupToo() throws {
        let h = try LabHarness(); defer { h.cleanUp() }
        let cancellation = RunCancellation()
        let sender = Thread {
            for _ in 0..<200 where !h.exists("started") { usleep(20_000) }
            cancellation.cancel()
            for _ in 0..<200 where !h.exists("cleaning") { usleep(20_000) }
            cancellation.cancel()
        }
        sender.start()
        let result = try h.run(#"""
            ```console {#long}
            $ touch "@S@/started"; sleep 30
            ```

            <!-- lab:cleanup timeout=60s
            touch "@S@/cleaning"; sleep 30; touch "@S@/cleaned"
            -->
            """#, cancellation: cancellation)
        #expect(result.block("long")?.status == .error)
        #expect(result.block("cleanup-1")?.status == .error)
        #expect(h.exists("cleaning") && !h.exists("cleaned"))
        #expect(h.host.removedNamespaces == [result.namespace ?? "?"], "the namespace is still removed")
    }
}

@Suite struct MeasureInterruptTests {
    /// A window cut short measures nothing worth judging: the block is interrupted, not passed.
    @Test func anInterruptedMeasureIsAnErrorNotAPass() throws {
        let h = try LabHarness(host: FakeContainerHost(cores: 0.5)); defer { h.cleanUp() }
        let cancellation = RunCancellation()
        let sender = Thread {
            for _ in 0..<200 where !h.exists("started") { usleep(20_000) }
            usleep(900_000) // past the warm-up, so samples exist
            cancellation.cancel()
        }
        sender.start()
        let result = try h.run(#"""
            ```console {#spin measure=cpu:spinner window=20s expect-cores=0.4..0.6}
            $ touch "@S@/started"; sleep 30
            ```
            """#, cancellation: cancellation)
        let spin = try #require(result.block("spin"))
        #expect(spin.status == .error)
        #expect(spin.message?.contains("interrupted") == true)
        #expect(spin.measure?.samples.isEmpty == false, "the samples taken are kept")
        #expect(result.status == .error)
    }
}
