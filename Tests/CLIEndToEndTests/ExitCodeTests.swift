import Foundation
import Testing

/// Exit codes and usage errors in docker/cli's words (checked against the real client, which
/// answers these without an engine): 1 outside `run`, 125 for flag errors, 0 for `rm -f`/`rmi -f`
/// of what is not there.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct ExitCodeTests {
    @Test func errorsOutsideRunExitOne() throws {
        let f = try CLIFixture()
        defer { f.close() }
        for cmd in ["stop nosuch", "rm nosuch", "kill nosuch", "exec nosuch true", "logs nosuch", "top nosuch",
                    "port nosuch", "commit nosuch", "inspect nosuch", "tag nosuch:latest x", "rmi nosuch"] {
            let r = try f.sh("docker \(cmd)")
            #expect(r.status == 1, "docker \(cmd): \(r.status) \(r.output)")
        }
        try f.ok("docker run --name stopped busybox true")
        let notRunning = try f.sh("docker kill stopped")
        #expect(notRunning.status == 1 && notRunning.output.contains("is not running"), "\(notRunning.output)")
        #expect(try f.sh("docker run --rm nosuch_image").status == 125, "run keeps 125")
    }

    /// An error message that cannot be written (stderr full or closed) loses the message, not
    /// the exit status: FileHandle.write(_:) is a `try!`, which trapped (SIGILL, 132).
    @Test func anUnwritableStderrIsNoCrash() throws {
        let f = try CLIFixture()
        defer { f.close() }
        for (cmd, status): (String, Int32) in [("inspect nosuch", 1), ("inspect -f '{{.State.Pid}}' nosuch", 1),
                                               ("rm nosuch", 1), ("rm -f nosuch", 0), ("stop nosuch", 1),
                                               ("run --bogus busybox true", 125)] {
            for redirect in ["2>/dev/full", "2>&-"] {
                let r = try f.sh("docker \(cmd) \(redirect)")
                #expect(r.status == status, "docker \(cmd) \(redirect): \(r.status) \(r.output)")
            }
        }
    }

    @Test func forcedRemovalOfNothingReportsAndSucceeds() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let rm = try f.sh("docker rm -f nosuch")
        #expect(rm.status == 0 && rm.output == "Error response from daemon: No such container: nosuch\n")
        let rmi = try f.sh("docker rmi -f nosuch")
        #expect(rmi.status == 0 && rmi.output == "Error response from daemon: No such image: nosuch:latest\n")
    }

    @Test func usageErrorsAreDockers() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let run = try f.sh("docker run")
        #expect(run.status == 1)
        #expect(run.output == "docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information\n")
        let logs = try f.sh("docker logs a b")
        #expect(logs.status == 1)
        #expect(logs.output == "docker: 'docker logs' requires 1 argument\n\nUsage:  docker logs [OPTIONS] CONTAINER\n\nRun 'docker logs --help' for more information\n")
        let exec = try f.sh("docker exec c")
        #expect(exec.status == 1 && exec.output.hasPrefix("docker: 'docker exec' requires at least 2 arguments\n"))
        let ps = try f.sh("docker ps x")
        #expect(ps.status == 1 && ps.output.hasPrefix("docker: 'docker ps' accepts no arguments\n"))
        let unknown = try f.sh("docker bogus")
        #expect(unknown.status == 1)
        #expect(unknown.output == "docker: unknown command: docker bogus\n\nRun 'docker --help' for more information\n")
        let short = try f.sh("docker ps -z")
        #expect(short.status == 125 && short.output.hasPrefix("unknown shorthand flag: 'z' in -z\n\nUsage:  docker ps [OPTIONS]\n"))
        let missing = try f.sh("docker run -m")
        #expect(missing.status == 125 && missing.output.hasPrefix("flag needs an argument: 'm' in -m\n"))
        let global = try f.sh("docker --bogus")
        #expect(global.status == 125 && global.output.hasPrefix("unknown flag: --bogus\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n"))
        let version = try f.sh("docker -v")
        #expect(version.status == 0 && version.output.hasPrefix("Docker version "))
    }
}
