import Foundation
import Testing

/// `top` lists only the container's processes, in Docker's aligned columns.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct TopTests {
    @Test func topShowsOnlyTheContainersProcessesAligned() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run -d --name topper busybox sh -c 'sleep 1000 & exec sleep 2000'")
        Thread.sleep(forTimeInterval: 0.3)
        for opts in ["", "aux", "-ef"] {
            let lines = try f.ok("docker top topper \(opts)").split(separator: "\n")
            #expect(lines.count == 3, "header and two sleeps only, with `\(opts)`: \(lines)")
            #expect(lines.dropFirst().allSatisfy { $0.hasSuffix("sleep 1000") || $0.hasSuffix("sleep 2000") }, "\(lines)")
        }
        let ef = try f.ok("docker top topper").split(separator: "\n")
        #expect(ef.first == "UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD")
        let eo = try f.ok("docker top topper -eo pid,comm").split(separator: "\n")
        #expect(eo.count == 3 && eo[0] == "PID                 COMMAND")
        #expect(eo.dropFirst().allSatisfy { $0.wholeMatch(of: #/\d+ {2,}sleep/#) != nil }, "\(eo)")
        let noPID = try f.sh("docker top topper -o comm")
        #expect(noPID.status == 1 && noPID.output == "Error response from daemon: Couldn't find PID field in ps output\n")
    }
}
