import Foundation
import Testing

/// `pull`: the built-in images answer as Docker's "up to date"; others are denied.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct PullTests {
    @Test func pullOfBuiltinAndOtherImages() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run --rm busybox true")   // busybox is there
        #expect(try f.ok("docker pull busybox") == """
            Using default tag: latest
            latest: Pulling from library/busybox
            Status: Image is up to date for busybox:latest
            docker.io/library/busybox:latest
            """)
        #expect(try f.ok("docker pull -q busybox:latest") == "docker.io/library/busybox:latest")
        let denied = try f.sh("docker pull nginx")
        #expect(denied.status == 1)
        #expect(denied.output == "Error response from daemon: pull access denied for nginx, repository does not exist or may require 'docker login'\n")
        #expect(try f.sh("docker pull busybox:1.36").status == 1)
    }
}
