import Foundation
import Testing

/// `logs` as Docker's json-file driver: every container's output, attached or not, its two
/// streams apart, with timestamps, time windows, details and tail.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct LogsTests {
    @Test func aForegroundContainerIsLoggedWithItsStreamsApart() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let run = try f.sh("docker run --name fg busybox sh -c 'echo out; echo err >&2; printf partial'")
        #expect(run.status == 0)
        #expect(run.output.contains("out\n") && run.output.contains("err\n"), "the client still sees both: \(run.output)")
        #expect(try f.sh("docker logs fg 2>/dev/null").output == "out\npartial")
        #expect(try f.sh("docker logs fg 2>&1 >/dev/null").output == "err\n")
        let stamped = try f.sh("docker logs -t fg 2>/dev/null").output.split(separator: "\n")
        #expect(stamped.count == 2)
        let stamp = #/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z out$/#
        #expect(stamped.first.map { $0.wholeMatch(of: stamp) != nil } == true, "\(stamped)")
        #expect(try f.sh("docker logs --details fg 2>/dev/null").output == " out\n partial")
    }

    @Test func tailSinceAndUntilChooseTheLines() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run --name many busybox seq 1 5")
        #expect(try f.sh("docker logs -n 2 many").output == "4\n5\n")
        #expect(try f.sh("docker logs --tail 0 many").output == "")
        #expect(try f.sh("docker logs --tail all many").output == "1\n2\n3\n4\n5\n")
        #expect(try f.sh("docker logs --since 1h many").output == "1\n2\n3\n4\n5\n")
        #expect(try f.sh("docker logs --since 2099-01-01T00:00:00Z many").output == "")
        #expect(try f.sh("docker logs --until 2000-01-01 many").output == "")
        #expect(try f.sh("docker logs --until $(($(date +%s) + 60)) many").output == "1\n2\n3\n4\n5\n")
        let bad = try f.sh("docker logs --since bogus many")
        #expect(bad.status == 1)
        #expect(bad.output == "failed to parse value as time or duration: \"bogus\"\n")
    }

    @Test func followEndsWithTheContainer() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run -d --name follower busybox sh -c 'echo a; sleep 1; echo b >&2; sleep 0.3; echo c'")
        let followed = try f.sh("docker logs -f follower").output
        #expect(followed == "a\nb\nc\n", "\(followed)")
        #expect(try f.sh("docker logs -f follower 2>/dev/null").output == "a\nc\n")
    }
}
