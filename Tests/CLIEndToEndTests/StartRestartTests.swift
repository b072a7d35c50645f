import Foundation
import Testing

/// create, start, restart, wait, rename as Docker's; the writable layer survives a restart.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct StartRestartTests {
    @Test func createStartWaitAndStartAttached() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let id = try f.ok("docker create --name later busybox sh -c 'echo run; cat /count 2>/dev/null; echo x >> /count; exit 4'")
        #expect(id.count == 64)
        #expect(try f.ok("docker ps -a --format '{{.Names}} {{.Status}}'") == "later Created")
        #expect(try f.ok("docker start later") == "later")
        #expect(try f.ok("docker wait later") == "4")
        #expect(try f.ok("docker logs later") == "run")
        // Again, attached: the file the first run wrote is still in its layer.
        let attached = try f.sh("docker start -a later")
        #expect(attached.status == 4 && attached.output == "run\nx\n")
        #expect(try f.ok("docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' later") == "exited 4")
        let missing = try f.sh("docker start nosuch")
        #expect(missing.status == 1 && missing.output == "Error response from daemon: No such container: nosuch\n")
        let noImage = try f.sh("docker create nosuch_image")
        #expect(noImage.status == 125 && noImage.output.hasPrefix("Unable to find image 'nosuch_image:latest' locally"))
        #expect(try f.sh("docker wait nosuch").status == 1)
    }

    @Test func restartKeepsTheWritableLayerAndRenameMovesTheName() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run -d --name svc busybox sh -c 'trap \"exit 0\" TERM; while :; do sleep 0.1; done'")
        Thread.sleep(forTimeInterval: 0.3)
        try f.ok("docker exec svc sh -c 'echo kept > /state'")
        let pid = try f.ok("docker inspect -f '{{.State.Pid}}' svc")
        #expect(try f.ok("docker restart svc") == "svc")
        #expect(try f.ok("docker inspect -f '{{.State.Status}}' svc") == "running")
        #expect(try f.ok("docker inspect -f '{{.State.Pid}}' svc") != pid, "a new init")
        #expect(try f.ok("docker exec svc cat /state") == "kept")
        try f.ok("docker rename svc renamed")
        #expect(try f.ok("docker ps --format '{{.Names}}'") == "renamed")
        #expect(try f.ok("docker exec renamed cat /state") == "kept")
        try f.ok("docker run -d --name other busybox sleep 3600")
        let taken = try f.sh("docker rename renamed other")
        #expect(taken.status == 1 && taken.output.hasPrefix("Error response from daemon: Conflict. The container name \"/other\" is already in use by container \""))
        let same = try f.sh("docker rename renamed renamed")
        #expect(same.status == 1 && same.output == "Error response from daemon: Renaming a container with the same name as its current name\n")
        let bad = try f.sh("docker rename renamed 'a b'")
        #expect(bad.status == 1 && bad.output == "Error response from daemon: Invalid container name (a b), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.\n")
        let short = try f.sh("docker run --name x busybox true")
        #expect(short.status == 125 && short.output == "docker: Error response from daemon: Invalid container name (x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.\n\nRun 'docker run --help' for more information\n")
        let stopped = try f.ok("docker stop -t 0 renamed")
        #expect(stopped == "renamed")
        #expect(try f.ok("docker start renamed") == "renamed")
        #expect(try f.ok("docker exec renamed cat /state") == "kept", "stop and start keep the layer too")
    }
}
