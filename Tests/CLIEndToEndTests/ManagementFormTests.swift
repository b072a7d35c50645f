import Foundation
import Testing

/// `docker container ...`, `docker image ...` and the prune commands.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct ManagementFormTests {
    @Test func managementFormsAreTheSameCommands() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker container run -d --name managed busybox sleep 3600")
        #expect(try f.ok("docker container ls --format '{{.Names}}'") == "managed")
        #expect(try f.ok("docker container inspect -f '{{.Name}}' managed") == "/managed")
        #expect(try f.ok("docker container exec managed echo hi") == "hi")
        #expect(try f.ok("docker container logs managed") == "")
        #expect(try f.ok("docker image ls --format '{{.Repository}}' busybox") == "busybox")
        #expect(try f.ok("docker image inspect -f '{{index .RepoTags 0}}' busybox") == "busybox:latest")
        #expect(try f.sh("docker image inspect managed").status == 1, "image inspect looks at images only")
        #expect(try f.ok("docker image history -q busybox") == (try f.ok("docker images -q busybox")))
        try f.ok("docker container stop -t 0 managed")
        try f.ok("docker container rm managed")
        #expect(try f.ok("docker container ls -a -q") == "")
    }

    @Test func pruneRemovesStoppedContainersAfterAsking() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run -d --name alive busybox sleep 3600")
        let stopped = try f.ok("docker create --name dead busybox true")
        let declined = try f.sh("docker container prune", stdin: "n\n")
        #expect(declined.status == 0 && declined.output == "WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ")
        #expect(try f.ok("docker ps -a -q --no-trunc").contains(stopped))
        let pruned = try f.ok("docker container prune -f")
        #expect(pruned.hasPrefix("Deleted Containers:\n\(stopped)\n\nTotal reclaimed space: "), "\(pruned)")
        #expect(try f.ok("docker ps -a --format '{{.Names}}'") == "alive")
        // Images are shared by every namespace of the root (other tests' too): only the question here.
        let system = try f.sh("docker system prune", stdin: "n\n")
        #expect(system.status == 0 && system.output.hasPrefix("WARNING! This will remove:\n  - all stopped containers\n"))
        #expect(system.output.hasSuffix("Are you sure you want to continue? [y/N] "))
        #expect(try f.ok("docker ps -a --format '{{.Names}}'") == "alive", "running containers stay")
    }
}
