import Foundation
import Testing

/// run/exec/stop/rm/logs behave as Docker's, and nothing of a container outlives `rm`.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct LifecycleTests {
    @Test func foregroundRunPassesStdinAndExitStatus() throws {
        let f = try CLIFixture()
        defer { f.close() }
        #expect(try f.sh("docker run --rm busybox sh -c 'exit 7'").status == 7)
        let r = try f.sh("docker run -i --rm busybox sh -c 'cat; echo done'", stdin: "hello\n")
        #expect(r.output == "hello\ndone\n")
        #expect(try f.ok("docker ps -a -q") == "", "--rm containers are gone")
    }

    @Test func stopEscalatesToKillAndPsShowsExited() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run -d --name sleeper busybox sleep 3600")
        // sleep ignores TERM as PID 1: KILL comes after the grace period, as Docker's.
        let start = Date()
        try f.ok("docker stop -t 1 sleeper")
        #expect(Date().timeIntervalSince(start) >= 0.9, "stop waits its grace period before KILL")
        #expect(try f.ok("docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' sleeper") == "exited 137")
        #expect(try f.ok("docker ps -a --format '{{.Names}} {{.Status}}'").hasPrefix("sleeper Exited (137)"))
        try f.ok("docker run -d --name trapper busybox sh -c 'trap \"echo bye; exit 3\" TERM; while :; do sleep 0.1; done'")
        Thread.sleep(forTimeInterval: 0.3)
        try f.ok("docker stop trapper")
        #expect(try f.ok("docker inspect -f '{{.State.ExitCode}}' trapper") == "3")
        #expect(try f.ok("docker logs trapper") == "bye")
        // With --init, docker-init passes TERM on to sleep: stopped by the signal, 128+15.
        try f.ok("docker run -d --init --name inited busybox sleep 3600")
        try f.ok("docker stop inited")
        #expect(try f.ok("docker inspect -f '{{.State.ExitCode}}' inited") == "143")
        try f.ok("docker run -d --name quick busybox sleep 3600")
        try f.ok("docker stop -t 0 quick")
        #expect(try f.ok("docker inspect -f '{{.State.ExitCode}}' quick") == "137")
    }

    @Test func rmRefusesARunningContainerAndRmFRemovesEverything() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let id = try f.ok("docker run -d --name keep busybox sleep 3600")
        let pid = try f.ok("docker inspect -f '{{.State.Pid}}' keep")
        let refused = try f.sh("docker rm keep")
        #expect(refused.status != 0)
        #expect(refused.output.contains("container is running: stop the container before removing or force remove"))
        try f.ok("docker rm -f keep")
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(pid)"))
        let cgroups = try f.sh("find /sys/fs/cgroup -type d -name \(id)")
        #expect(cgroups.output.isEmpty, "cgroups left: \(cgroups.output)")
        #expect(try f.vethGone(id), "host veth left")
        #expect(try f.sh("docker inspect keep").status == 1)
    }

    @Test func foregroundExecKilledTakesItsProcessWithIt() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run -d --name spin busybox sleep 3600")
        // The exec client is killed after a moment; its busy loop must not survive it.
        _ = try f.sh("timeout -s KILL 1 docker exec spin sh -c 'while true; do :; done'")
        Thread.sleep(forTimeInterval: 0.3)
        let ps = try f.ok("docker exec spin ps")
        #expect(!ps.contains("while true"), "\(ps)")
    }

    @Test func dockerErrorsHaveDockersWordsAndCodes() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let unknown = try f.sh("docker run --bogus busybox true")
        #expect(unknown.status == 125)
        #expect(unknown.output == "unknown flag: --bogus\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n")
        let noImage = try f.sh("docker run --rm no_such_image")
        #expect(noImage.status == 125)
        #expect(noImage.output.hasPrefix("Unable to find image 'no_such_image:latest' locally"))
        let noContainer = try f.sh("docker exec nobody true")
        #expect(noContainer.status == 1, "only run and create exit 125")
        #expect(noContainer.output == "Error response from daemon: No such container: nobody\n")
        let notFound = try f.sh("docker run --rm busybox no_such_command")
        #expect(notFound.status == 127)
        #expect(notFound.output.contains("exec: \"no_such_command\": executable file not found in $PATH"))
        let tty = try f.sh("docker run -it --rm busybox true")
        #expect(tty.status == 1)
        #expect(tty.output == "the input device is not a TTY\n")
        #expect(try f.ok("docker ps -a -q") == "", "failed runs leave no container")
    }

    @Test func networkModesNoneHostAndContainer() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let none = try f.ok("docker run --rm --network none busybox ip -o link")
        #expect(none.contains("lo:") && !none.contains("eth0"))
        #expect(try f.ok("docker run --rm --network none busybox cat /sys/class/net/lo/operstate") != "down")
        try f.ok("docker run -d --name web busybox sleep 3600")
        let ip = try f.ok("docker inspect -f '{{.NetworkSettings.IPAddress}}' web")
        #expect(try f.ok("docker run --rm --network container:web busybox ip -o -4 addr show eth0").contains(ip))
        let hostLinks = try f.ok("docker run --rm --network host busybox ip -o link")
        #expect(hostLinks.contains("isolab0"), "host networking sees the host's bridge")
    }

    @Test func ipcAndPidModesShareOnlyWhatTheyName() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run -d --name owner --ipc shareable debian sleep 3600")
        try f.ok("docker exec owner ipcmk -M 4096")
        #expect(try f.ok("docker run --rm --ipc container:owner debian ipcs -m").contains("4096"))
        #expect(!(try f.ok("docker run --rm debian ipcs -m").contains("4096")), "private is the default")
        try f.ok("docker run -d --name loner busybox sleep 3600")
        let refused = try f.sh("docker run --rm --ipc container:loner busybox true")
        #expect(refused.status == 125 && refused.output.contains("non-shareable"))
        #expect(try f.ok("docker run --rm --pid container:owner busybox ps").contains("sleep 3600"))
        let hostPS = try f.ok("docker run --rm --pid host busybox ps")
        #expect(hostPS.split(separator: "\n").count > 5, "--pid host sees the host's processes")
    }

    @Test func aDetachedExecKeepsNoDescriptorOfItsClient() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run -d --name host_of_exec busybox sleep 3600")
        // The client's descriptors (Foundation watches a socket of its children for EOF) must
        // not live on in a detached command: only stdio, on /dev/null.
        try f.ok("docker exec -d host_of_exec sleep 1234")
        Thread.sleep(forTimeInterval: 0.2)
        // PID 2: the first process after the container's init.
        #expect(try f.ok("docker exec host_of_exec cat /proc/2/cmdline").replacingOccurrences(of: "\0", with: " ") == "sleep 1234 ")
        let fds = try f.ok("docker exec host_of_exec ls /proc/2/fd")
        #expect(fds.split(separator: "\n").sorted() == ["0", "1", "2"], "\(fds)")
    }

    @Test func aClientKilledWhileStartingLeavesNothingAfterRm() throws {
        let f = try CLIFixture()
        defer { f.close() }
        // Kill the client at several points of the start; whatever is left, rm -f removes it all.
        for delay in ["0.05", "0.1", "0.15", "0.2"] {
            _ = try f.sh("timeout -s KILL \(delay) docker run -d --name k busybox sleep 3600; true")
            Thread.sleep(forTimeInterval: 0.3)
            let ids = try f.ok("docker ps -a -q --no-trunc")
            _ = try f.sh("docker rm -f k")
            for id in ids.split(separator: "\n") {
                #expect(try f.sh("find /sys/fs/cgroup -type d -name \(id)").output.isEmpty, "cgroup of \(id) left")
                #expect(try f.vethGone(id), "veth of \(id) left")
            }
            #expect(try f.ok("docker ps -a -q") == "")
        }
    }

    /// SIGKILL of a container's monitor: with its init still running (ps -a still shows it running),
    /// and with its init killed too, before the monitor could record the exit or clean up (then it is
    /// dead). Either way `rm -f` leaves no cgroup, veth, mount or process.
    @Test func aMonitorKilledLeavesNothingAfterRm() throws {
        let f = try CLIFixture()
        defer { f.close() }
        for killInit in [false, true] {
            let id = try f.ok("docker run -d --name mon -m 64m --pids-limit 20 busybox sleep 3600")
            let pid = try f.ok("docker inspect -f '{{.State.Pid}}' mon")
            let monitor = try f.ok("awk '/^PPid:/ { print $2 }' /proc/\(pid)/status")
            #expect(try f.ok("cat /proc/\(monitor)/comm") == "isolab-monitor")
            _ = try f.sh("kill -KILL \(monitor)\(killInit ? " " + pid : ""); sleep 0.3")
            let status = try f.ok("docker ps -a --format '{{.Names}}: {{.State}}'")
            #expect(status == (killInit ? "mon: dead" : "mon: running"), "\(status)")
            #expect(try f.sh("docker rm -f mon").status == 0)
            #expect(try f.sh("find /sys/fs/cgroup -type d -name \(id)").output.isEmpty, "cgroup of \(id) left")
            #expect(try f.vethGone(id), "veth of \(id) left")
            #expect(try f.sh("grep -q \(id) /proc/self/mountinfo").status != 0, "mounts of \(id) left")
            // Gone, or a zombie until its new parent (no longer the monitor, so not isolab's to reap) waits.
            let state = try f.sh("awk '/^State:/ { print $2 }' /proc/\(pid)/status 2>/dev/null").output
            #expect(state == "" || state == "Z\n", "init \(pid) left: \(state)")
            #expect(try f.ok("docker ps -a -q") == "")
        }
    }

    @Test func stdinIsEmptyWithoutDashIAndBadNamesAreRefused() throws {
        let f = try CLIFixture()
        defer { f.close() }
        #expect(try f.sh("docker run --rm busybox cat", stdin: "not for the container\n").output == "")
        #expect(try f.sh("docker run --rm -i busybox cat", stdin: "for it\n").output == "for it\n")
        let bad = try f.sh("isolab namespace rm ..")
        #expect(bad.status == 125 && bad.output.contains("invalid namespace name"))
        #expect(try f.sh("docker run --rm --name x busybox true").status == 125, "Docker's names have two characters at least")
        #expect(try f.sh("docker run --rm -w relative busybox true").status == 125)
    }

    @Test func dashTGivesTheCommandATerminalInsideTheContainer() throws {
        let f = try CLIFixture()
        defer { f.close() }
        // A pty of the container's own devpts, so `tty` names it; output comes back through it.
        #expect(try f.sh("docker run -t --rm busybox tty").output == "/dev/pts/0\r\n")
        try f.ok("docker run -d --name host_of_tty busybox sleep 3600")
        let r = try f.sh("docker exec -t host_of_tty sh -c 'tty; exit 4'")
        #expect(r.status == 4 && r.output == "/dev/pts/0\r\n")
        #expect(try f.sh("docker run -dt --name logged busybox sh -c 'echo hi'").status == 0)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try f.sh("docker logs logged").output == "hi\r\n")
    }

    @Test func initRunsAsPID1ForwardsStatusAndHoldsNoHostDescriptor() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let ps = try f.ok("docker run --rm --init busybox ps -o pid,args")
        #expect(ps.contains("1 /sbin/docker-init -- ps -o pid,args"), "\(ps)")
        #expect(!ps.contains("isolab"), "no host path of the monitor shows inside")
        #expect(try f.ok("docker run --rm --init busybox ls /proc/1/fd") == "0\n1\n2")
        #expect(try f.sh("docker run --rm --init busybox sh -c 'exit 9'").status == 9)
    }
}
