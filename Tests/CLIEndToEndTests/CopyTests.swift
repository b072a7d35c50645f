import Foundation
import Testing

/// `cp` both ways, running or stopped, with every container path resolved inside its root.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct CopyTests {
    @Test func copiesBothWaysAndNeverLeavesTheRoot() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let host = NSTemporaryDirectory() + "isolab-cp-" + f.namespace
        defer { try? FileManager.default.removeItem(atPath: host) }
        try FileManager.default.createDirectory(atPath: host + "/tree/sub", withIntermediateDirectories: true)
        try "hello\n".write(toFile: host + "/file.txt", atomically: false, encoding: .utf8)
        try "deep\n".write(toFile: host + "/tree/sub/x", atomically: false, encoding: .utf8)
        try f.ok("docker run -d --name box busybox sh -c 'ln -s / /escape; echo inside > /inside; sleep 3600'")
        Thread.sleep(forTimeInterval: 0.3)
        try f.ok("docker cp \(host)/file.txt box:/tmp/")
        try f.ok("docker cp \(host)/tree box:/opt")
        #expect(try f.ok("docker exec box cat /tmp/file.txt /opt/sub/x") == "hello\ndeep")
        #expect(try f.ok("docker exec box stat -c %u:%g /tmp/file.txt") == "0:0")
        try f.ok("docker cp box:/inside \(host)/out.txt")
        #expect(try String(contentsOfFile: host + "/out.txt", encoding: .utf8) == "inside\n")
        // A symlink to / inside the container is the container's /, never the host's.
        try f.ok("docker cp \(host)/file.txt box:/escape/tmp/through-link.txt")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/through-link.txt"))
        #expect(try f.ok("docker exec box cat /tmp/through-link.txt") == "hello")
        try f.ok("docker cp box:/escape/etc/hostname \(host)/hn")
        #expect(try String(contentsOfFile: host + "/hn", encoding: .utf8).hasPrefix(String(try f.ok("docker inspect -f '{{.Id}}' box").prefix(12))))
        let missing = try f.sh("docker cp box:/nosuch \(host)/")
        #expect(missing.status == 1 && missing.output == "Error response from daemon: Could not find the file /nosuch in container box\n")
        // Stopped: out of its layers, into its writable layer.
        try f.ok("docker stop -t 0 box")
        try f.ok("docker cp box:/opt/sub \(host)/fromstopped")
        #expect(try String(contentsOfFile: host + "/fromstopped/x", encoding: .utf8) == "deep\n")
        try f.ok("docker cp \(host)/file.txt box:/etc/added.txt")
        try f.ok("docker start box")
        #expect(try f.ok("docker exec box cat /etc/added.txt") == "hello")
    }
}
