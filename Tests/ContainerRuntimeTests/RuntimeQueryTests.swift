import Foundation
import Testing
@testable import ContainerRuntime

/// The pure parts of the runtime's queries: top's ps filter, stats' /proc/net/dev, logs' window.
struct RuntimeQueryTests {
    @Test func processTableKeepsTheContainersPidsAndTheCommandsSpaces() throws {
        let ps = """
            UID          PID    PPID  C STIME TTY          TIME CMD
            root           1       0  0 10:00 ?        00:00:01 /sbin/init
            root        4242    4200  0 10:01 ?        00:00:00 sh -c sleep  60
            root        4243    4242  0 10:01 ?        00:00:00 sleep 60

            """
        let t = try ProcessTable.parse(ps, pids: [4242, 4243])
        #expect(t.titles == ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"])
        #expect(t.processes.map { $0[1] } == ["4242", "4243"])
        #expect(t.processes[0].last == "sh -c sleep  60")
    }

    @Test func processTableWithoutPIDColumnIsRefused() {
        #expect(throws: RuntimeError.self) { try ProcessTable.parse("USER CMD\nroot sh\n", pids: [1]) }
        do { _ = try ProcessTable.parse("USER CMD\n", pids: [1]) } catch let e as RuntimeError {
            #expect(e.message == "ps printed no PID column" && e.source == .request && e.operation == "top")
        } catch { Issue.record("\(error)") }
    }

    @Test func netDevReadsEth0Only() {
        let text = """
            Inter-|   Receive                                                |  Transmit
             face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                lo:     100       1    0    0    0     0          0         0      100       1    0    0    0     0       0          0
              eth0:    1436      18    0    0    0     0          0         0      936      12    0    0    0     0       0          0

            """
        #expect(Runtime.parseNetDev(text) == ContainerStats.NetworkBytes(received: 1436, transmitted: 936))
        #expect(Runtime.parseNetDev("    lo: 1 2 3 4 5 6 7 8 9 10\n") == nil)
        #expect(Runtime.parseNetDev("  eth0: 12 x\n") == nil)
        // Nothing after the colon: no counters, where split(":")[1] trapped.
        #expect(Runtime.parseNetDev("eth0:\n") == nil)
        #expect(Runtime.parseNetDev("  eth0:") == nil)
    }

    @Test func logWindowKeepsStampedEntriesInside() throws {
        let lines = #"""
            {"log":"a\n","stream":"stdout","time":"2024-01-01T00:00:01.5Z"}
            {"log":"b\n","stream":"stderr","time":"2024-01-01T00:00:03Z"}

            """#
        let entries = ContainerLogEntry.parse(Data(lines.utf8))
        #expect(entries.count == 2)
        #expect(entries.filter(LogWindow().keeps).count == 2)
        let start = try #require(entries[0].timestamp)
        let window = LogWindow(since: (start.seconds, start.nanos + 1))
        #expect(entries.filter(window.keeps).map(\.log) == ["b\n"])
        #expect(entries.filter(LogWindow(until: (start.seconds, start.nanos)).keeps).map(\.log) == ["a\n"])
    }
}
