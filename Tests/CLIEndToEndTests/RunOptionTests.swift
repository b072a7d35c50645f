import Foundation
import Testing

/// `--env-file`, `--entrypoint` and `--restart` as Docker's.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct RunOptionTests {
    @Test func envFileAndEntrypoint() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let file = NSTemporaryDirectory() + "isolab-env-" + f.namespace
        try "# a comment\nA=1\n\nB=two words\nFROM_CALLER\n".write(toFile: file, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(try f.ok("FROM_CALLER=yes docker run --rm --env-file \(file) -e C=3 busybox sh -c 'echo \"$A|$B|$C|$FROM_CALLER\"'") == "1|two words|3|yes")
        let missing = try f.sh("docker run --rm --env-file /nonexistent-isolab busybox true")
        #expect(missing.status == 125 && missing.output == "docker: open /nonexistent-isolab: no such file or directory\n\nRun 'docker run --help' for more information\n")
        // A directory is docker/cli's read error, never an empty environment; exec prints it
        // without "docker: " and exits 1, as docker/cli's exec does.
        let dir = NSTemporaryDirectory() + "isolab-envdir-" + f.namespace
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try f.sh("docker create --env-file \(dir) busybox true")
        #expect(run.status == 125 && run.output == "docker: invalid env file (\(dir)): read \(dir): is a directory\n\nRun 'docker create --help' for more information\n")
        try f.ok("docker run -d --name envexec busybox sleep 60")
        let exec = try f.sh("docker exec --env-file \(dir) envexec true")
        #expect(exec.status == 1 && exec.output == "invalid env file (\(dir)): read \(dir): is a directory\n")
        let execMissing = try f.sh("docker exec --env-file /nonexistent-isolab envexec true")
        #expect(execMissing.status == 1 && execMissing.output == "open /nonexistent-isolab: no such file or directory\n")
        #expect(try f.ok("docker run --rm --entrypoint echo busybox hello") == "hello")
        #expect(try f.ok("docker run --rm --entrypoint /bin/ls busybox -d /") == "/")
        #expect(try f.ok("docker run --rm --entrypoint '' busybox echo cleared") == "cleared")
        try f.ok("docker create --name ep --entrypoint /bin/echo busybox")
        #expect(try f.ok("docker inspect -f '{{json .Config.Entrypoint}} {{json .Config.Cmd}}' ep") == "[\"/bin/echo\"] null", "the image's Cmd is not inherited")
    }

    @Test func attachChoosesTheStreams() throws {
        let f = try CLIFixture()
        defer { f.close() }
        #expect(try f.sh("docker run --rm -a stdout busybox sh -c 'echo out; echo err >&2'").output == "out\n")
        #expect(try f.sh("docker run --rm -a stderr busybox sh -c 'echo out; echo err >&2'").output == "err\n")
        #expect(try f.sh("docker run --rm -a stdin -a stdout busybox cat", stdin: "piped\n").output == "piped\n")
        try f.ok("docker run --name quiet -a stderr busybox echo logged")
        #expect(try f.ok("docker logs quiet") == "logged", "the log keeps what the client did not see")
        let both = try f.sh("docker run -d -a stdout busybox true")
        #expect(both.status == 125 && both.output == "conflicting options: cannot specify both --attach and --detach\n")
        let bad = try f.sh("docker run -a bogus busybox true")
        #expect(bad.status == 125 && bad.output.hasPrefix("invalid argument \"bogus\" for \"-a, --attach\" flag: valid streams are STDIN, STDOUT and STDERR\n\nUsage:"))
    }

    @Test func restartPolicies() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run -d --name failing --restart on-failure:2 busybox sh -c 'echo run; exit 3'")
        // Three runs: the first and two restarts (100 ms, then 200 ms apart), then it stays down.
        var state = ""
        for _ in 0..<50 {
            state = try f.ok("docker inspect -f '{{.State.Status}} {{.RestartCount}} {{.State.ExitCode}}' failing")
            if state == "exited 2 3" { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        #expect(state == "exited 2 3")
        #expect(try f.ok("docker logs failing") == "run\nrun\nrun")
        #expect(try f.ok("docker inspect -f '{{json .HostConfig.RestartPolicy}}' failing") == "{\"Name\":\"on-failure\",\"MaximumRetryCount\":2}")
        try f.ok("docker run -d --name forever --restart always busybox sleep 0.2")
        Thread.sleep(forTimeInterval: 1.5)
        #expect(Int(try f.ok("docker inspect -f '{{.RestartCount}}' forever")) ?? 0 >= 1)
        try f.ok("docker stop -t 0 forever")
        Thread.sleep(forTimeInterval: 1)
        #expect(try f.ok("docker inspect -f '{{.State.Status}}' forever") == "exited", "a stopped container stays stopped")
        let conflict = try f.sh("docker run --rm --restart always busybox true")
        #expect(conflict.status == 125 && conflict.output == "docker: conflicting options: cannot specify both --restart and --rm\n")
        let bad = try f.sh("docker run --restart on-failure:x busybox true")
        #expect(bad.status == 125 && bad.output == "docker: invalid restart policy format: maximum retry count must be an integer\n")
    }
}
