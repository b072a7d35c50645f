import Foundation
import Testing

/// `ps` as Docker's: -l, -n, -s, the exited= filter, COMMAND quoted as moby and docker/cli
/// quote it, CreatedAt as Go prints a time.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct PsTests {
    @Test func latestLastSizeAndExitedFilter() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run -d --name up busybox sleep 3600")
        _ = try f.sh("docker run --name three busybox sh -c 'exit 3'")
        _ = try f.sh("docker run --name writer busybox sh -c 'printf 12345 > /five'")
        #expect(try f.ok("docker ps -l --format '{{.Names}}'") == "writer", "-l: the newest of any state")
        #expect(try f.ok("docker ps --latest -q") == (try f.ok("docker ps -a -q").split(separator: "\n").first.map(String.init) ?? ""))
        #expect(try f.ok("docker ps -n 2 --format '{{.Names}}'") == "writer\nthree")
        #expect(try f.ok("docker ps -n2 --format '{{.Names}}'") == "writer\nthree")
        #expect(try f.ok("docker ps --filter exited=3 --format '{{.Names}}'") == "three")
        #expect(try f.ok("docker ps -a --filter exited=0 --format '{{.Names}}'") == "writer")
        let sized = try f.ok("docker ps -l -s").split(separator: "\n")
        #expect(sized.first?.hasSuffix("NAMES     SIZE") == true, "\(sized)")
        #expect(sized.last?.contains("writer    5B (virtual ") == true, "the writable layer holds the 5 bytes: \(sized)")
        #expect(try f.ok("docker ps -a --filter name=three --format '{{.Command}}'") == "\"sh -c 'exit 3'\"")
        #expect(try f.ok("docker ps -a --filter name=writer --format '{{.Command}}'") == "\"sh -c 'printf 12345…\"")
        #expect(try f.ok("docker ps -a --no-trunc --filter name=writer --format '{{.Command}}'") == "\"sh -c 'printf 12345 > /five'\"")
        let created = try f.ok("docker ps -l --format '{{.CreatedAt}}'")
        #expect(created.wholeMatch(of: #/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4} \w+/#) != nil, "\(created)")
        let bad = try f.sh("docker ps --filter exited=x")
        #expect(bad.status == 1 && bad.output == "Error response from daemon: invalid filter 'exited=x'\n")
    }
}
