import Foundation
import Testing

/// Messages as Docker's words them (moby's for the daemon's part, docker/cli's for the client's).
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct WordingTests {
    @Test func runRefusalsAndOtherWording() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let trailer = "\n\nRun 'docker run --help' for more information\n"
        let net = try f.sh("docker run --rm --network foo busybox true")
        #expect(net.status == 125 && net.output == "docker: Error response from daemon: network foo not found" + trailer)
        let cap = try f.sh("docker run --rm --cap-add BOGUS busybox true")
        #expect(cap.status == 125 && cap.output == "docker: Error response from daemon: invalid CapAdd: unknown capability: \"CAP_BOGUS\"" + trailer)
        let drop = try f.sh("docker run --rm --cap-drop nope busybox true")
        #expect(drop.status == 125 && drop.output.hasPrefix("docker: Error response from daemon: invalid CapDrop: unknown capability: \"CAP_NOPE\""))
        try f.ok("docker run -d --name host_of_exec busybox sleep 3600")
        let cwd = try f.sh("docker exec -w /nonexistent host_of_exec true")
        #expect(cwd.status == 127, "\(cwd.output)")
        #expect(cwd.output.contains("chdir to cwd (\"/nonexistent\") set in config.json failed"))
        let info = try f.ok("docker info")
        #expect(info.contains("Cgroup Version: 1\n") || info.contains("Cgroup Version: 2\n"), "\(info)")
        // save/export refuse a terminal in docker/cli's lower-case words.
        let save = try f.sh("script -qc 'docker save busybox' /dev/null")
        #expect(save.output.hasPrefix("cowardly refusing to save to a terminal. Use the -o flag or redirect"), "\(save.output)")
        let export = try f.sh("script -qc 'docker export host_of_exec' /dev/null")
        #expect(export.output.hasPrefix("cowardly refusing to save to a terminal. Use the -o flag or redirect"), "\(export.output)")
    }
}
