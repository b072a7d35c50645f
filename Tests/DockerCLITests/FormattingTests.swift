import ContainerRuntime
import Foundation
import Testing
@testable import DockerCLI

struct FormattingTests {
    @Test func tableWriterPadsLikeDockersTabwriter() {
        var t = TableWriter(header: ["CONTAINER ID", "NAMES"])
        t.add(["d51cdb34ebe3", "container1"])
        #expect(t.render() == "CONTAINER ID   NAMES\nd51cdb34ebe3   container1\n")
        #expect(TableWriter.align([["A", "B", "C"], ["long-cell-here", "x", "y"]]) ==
                ["A                B         C", "long-cell-here   x         y"])
    }

    @Test func tableFormatsGetAHeaderAndAlignedColumns() throws {
        let rows: [[String: Any]] = [["Names": "container1", "State": "running"], ["Names": "c2", "State": "exited"]]
        let out = try FormattedList.render(format: "table {{.Names}}\\t{{.State}}", rows: rows,
                                           headers: ["Names": "NAMES", "State": "STATE"])
        #expect(out == "NAMES        STATE\ncontainer1   running\nc2           exited\n")
        #expect(try FormattedList.render(format: "{{.Names}}", rows: rows, headers: [:]) == "container1\nc2\n")
    }

    @Test func signalsByNameNumberAndPrefix() throws {
        #expect(try Signals.parse("TERM") == SIGTERM)
        #expect(try Signals.parse("sigkill") == SIGKILL)
        #expect(try Signals.parse("9") == 9)
        #expect(throws: RuntimeError.self) { try Signals.parse("NOPE") }
    }

    @Test func globalFlagsBeforeTheCommandGoToTheEnvironment() throws {
        let rest = try GlobalFlags.fold(["--root", "/tmp/r", "--namespace=ns1", "ps", "--root", "x"])
        #expect(rest == ["ps", "--root", "x"])
        #expect(ProcessInfo.processInfo.environment["ISOLAB_ROOT"] == "/tmp/r")
        #expect(ProcessInfo.processInfo.environment["ISOLAB_NAMESPACE"] == "ns1")
        unsetenv("ISOLAB_ROOT"); unsetenv("ISOLAB_NAMESPACE")
    }

    @Test func unknownOptionsAreWordedAsDockers() {
        #expect(IsolabMain.dockerStyle("Unknown option '--bogus'. Did you mean '--cpus'?") == "unknown flag: --bogus")
    }
}
