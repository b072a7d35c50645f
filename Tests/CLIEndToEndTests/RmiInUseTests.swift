import Foundation
import Testing

/// `rmi` of an image a running container uses: Docker's "cannot be forced", even with -f.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct RmiInUseTests {
    @Test func anImageOfARunningContainerCannotBeForced() throws {
        let f = try CLIFixture()
        defer { f.close() }
        // An image of this test's own (a commit), so that nobody else's busybox is at stake.
        try f.ok("docker run --name source busybox touch /marker")
        let image = "rmi-in-use-" + f.namespace.lowercased()
        let id = try f.ok("docker commit source \(image)")
        defer { _ = try? f.sh("docker rm -f user; docker rmi -f \(id)") }
        let short = String(id.dropFirst("sha256:".count).prefix(12))
        let cid = String(try f.ok("docker run -d --name user \(image) sleep 3600").prefix(12))
        let byName = try f.sh("docker rmi \(image)")
        #expect(byName.status == 1)
        #expect(byName.output == "Error response from daemon: conflict: unable to remove repository reference \"\(image)\" (must force) - container \(cid) is using its referenced image \(short)\n")
        for cmd in ["docker rmi -f \(image)", "docker rmi \(short)", "docker rmi -f \(short)"] {
            let r = try f.sh(cmd)
            #expect(r.status == 1, "\(cmd)")
            #expect(r.output == "Error response from daemon: conflict: unable to delete \(short) (cannot be forced) - image is being used by running container \(cid)\n", "\(cmd)")
        }
        #expect(try f.ok("docker images -q \(image)") == short, "still there, still tagged")
        try f.ok("docker stop -t 0 user")
        let stopped = try f.sh("docker rmi \(short)")
        #expect(stopped.status == 1 && stopped.output.contains("(must be forced) - image is being used by stopped container \(cid)"))
    }
}
