import Foundation
import Testing

/// `stats` reads its numbers through the runtime (`Runtime.stats`): the cgroup's accounting and
/// the container's own eth0 counters.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct StatsTests {
    @Test func netIOIsTheContainersEth0AndStoppedOnesShowZeros() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run -d --name bridged busybox sleep 3600")
        try f.ok("docker run -d --name isolated --network none busybox sleep 3600")
        try f.ok("docker run --name done busybox true")
        let bridged = try f.ok("docker stats --no-stream --format '{{.Name}} {{.NetIO}} {{.BlockIO}}' bridged")
        // The bridge's own traffic (IPv6 router solicitations and the like) may or may not have
        // come yet: a size in go-units' decimal form, whichever it is.
        #expect(bridged.wholeMatch(of: #/bridged [0-9.]+(B|kB|MB) \/ [0-9.]+(B|kB|MB) 0B \/ 0B/#) != nil, "\(bridged)")
        #expect(try f.ok("docker stats --no-stream --format '{{.Name}} {{.NetIO}} {{.PIDs}}' isolated") == "isolated 0B / 0B 1")
        #expect(try f.ok("docker stats --no-stream --format '{{.Name}} {{.NetIO}} {{.PIDs}} {{.CPUPerc}}' done") == "done 0B / 0B 0 0.00%")
        let missing = try f.sh("docker stats --no-stream nosuch")
        #expect(missing.status == 1 && missing.output == "Error response from daemon: No such container: nosuch\n")
    }
}
