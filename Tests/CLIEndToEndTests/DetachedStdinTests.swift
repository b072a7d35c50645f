import Foundation
import Testing

/// `run -dit` and `run -di`: a detached container keeps its terminal and its stdin open, as
/// Docker's does, so an interactive shell started in the background stays up.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct DetachedStdinTests {
    @Test func detachedInteractiveShellsStayUp() throws {
        let f = try CLIFixture()
        defer { f.close() }
        // No terminal here (the fixture's stdin is /dev/null): -d skips Docker's TTY check.
        let dit = try f.sh("docker run -dit --name withtty busybox sh")
        #expect(dit.status == 0 && dit.output.count == 65, "\(dit.output)")
        try f.ok("docker run -di --name withpipe busybox sh")
        try f.ok("docker run -dt --name ttyonly busybox sh")
        Thread.sleep(forTimeInterval: 0.5)
        for name in ["withtty", "withpipe", "ttyonly"] {
            #expect(try f.ok("docker inspect -f '{{.State.Status}}' \(name)") == "running", "\(name)")
        }
        #expect(try f.sh("docker exec withtty tty").output == "not a tty\n", "exec without -t has no terminal")
        #expect(try f.ok("docker exec withtty sh -c 'tty < /proc/1/fd/0'") == "/dev/pts/0")
        // Without -d the check stays: no terminal, no -it.
        let refused = try f.sh("docker run -it --rm busybox true")
        #expect(refused.status == 1 && refused.output == "the input device is not a TTY\n")
    }

    @Test func attachJoinsADetachedContainer() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run -di --name reader busybox sh -c 'read line; echo got $line; echo err >&2; exit 5'")
        Thread.sleep(forTimeInterval: 0.3)
        let piped = try f.sh("docker attach reader", stdin: "hi\n")
        #expect(piped.status == 5, "the container's status")
        #expect(piped.output == "got hi\nerr\n")
        #expect(try f.ok("docker logs reader") == "got hi\nerr")
        try f.ok("docker run -dit --name shell busybox sh")
        Thread.sleep(forTimeInterval: 0.3)
        let tty = try f.sh("docker attach shell", stdin: "echo hi; exit 3\n")
        #expect(tty.status == 3 && tty.output.contains("\r\nhi\r\n"), "\(tty.output)")
        let stopped = try f.sh("docker attach shell")
        #expect(stopped.status == 1 && stopped.output == "You cannot attach to a stopped container, start it first\n")
    }
}
