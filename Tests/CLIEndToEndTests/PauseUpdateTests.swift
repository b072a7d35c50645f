import Foundation
import Testing

/// `pause`/`unpause` (the freezer) and `update` (limits changed live, seen from inside).
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct PauseUpdateTests {
    @Test func pauseFreezesAndUpdateChangesLimitsLive() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let host = NSTemporaryDirectory() + "isolab-pause-" + f.namespace
        try FileManager.default.createDirectory(atPath: host, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: host) }
        try f.ok("docker run -d --name ticker busybox sh -c 'while :; do echo t >> /ticks; sleep 0.05; done'")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try f.ok("docker pause ticker") == "ticker")
        #expect(try f.ok("docker inspect -f '{{.State.Status}} {{.State.Paused}} {{.State.Running}}' ticker") == "paused true true")
        #expect(try f.ok("docker ps --filter status=paused --format '{{.Names}} {{.Status}}'").hasSuffix("(Paused)"))
        try f.ok("docker cp ticker:/ticks \(host)/a")
        Thread.sleep(forTimeInterval: 0.4)
        try f.ok("docker cp ticker:/ticks \(host)/b")
        #expect(try String(contentsOfFile: host + "/a", encoding: .utf8) == (try String(contentsOfFile: host + "/b", encoding: .utf8)), "frozen: no tick")
        let exec = try f.sh("docker exec ticker true")
        #expect(exec.status == 1 && exec.output == "Error response from daemon: Container ticker is paused, unpause the container before exec\n",
                "a process started in a frozen cgroup never runs: refused, as moby does")
        let again = try f.sh("docker pause ticker")
        #expect(again.status == 1 && again.output.hasSuffix("is already paused\n"))
        #expect(try f.ok("docker unpause ticker") == "ticker")
        Thread.sleep(forTimeInterval: 0.3)
        try f.ok("docker cp ticker:/ticks \(host)/c")
        #expect(try String(contentsOfFile: host + "/c", encoding: .utf8).count > (try String(contentsOfFile: host + "/b", encoding: .utf8)).count)
        let notPaused = try f.sh("docker unpause ticker")
        #expect(notPaused.status == 1 && notPaused.output.hasSuffix("is not paused\n"))

        try f.ok("docker update --cpus 0.5 -m 64m --pids-limit 20 ticker")
        let mem = try f.ok("docker exec ticker sh -c 'cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max'")
        #expect(mem == "67108864")
        let pids = try f.ok("docker exec ticker sh -c 'cat /sys/fs/cgroup/pids/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids.max'")
        #expect(pids == "20")
        #expect(try f.ok("docker inspect -f '{{.HostConfig.NanoCpus}} {{.HostConfig.Memory}} {{.HostConfig.PidsLimit}}' ticker") == "500000000 67108864 20")
        let none = try f.sh("docker update ticker")
        #expect(none.status == 1 && none.output == "you must provide one or more flags when using this command\n")
        // Paused containers still stop and go: they are thawed to die.
        try f.ok("docker run -d --name frozen busybox sleep 3600")
        try f.ok("docker pause frozen")
        try f.ok("docker rm -f frozen")
        #expect(try f.sh("docker inspect frozen").status == 1)
        try f.ok("docker pause ticker")
        try f.ok("docker stop -t 0 ticker")
        let stopped = try f.sh("docker pause ticker")
        #expect(stopped.status == 1 && stopped.output.hasSuffix("is not running\n"))
    }
}
