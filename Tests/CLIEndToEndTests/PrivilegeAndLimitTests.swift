import Foundation
import Testing

/// Sections 2 and 4 of the tutorial: capabilities, and the limits the cgroups enforce.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct PrivilegeAndLimitTests {
    @Test func capDropChownIsTheTutorialsDemo() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run -d --name container_no_chown --cap-drop CHOWN busybox sleep 3600")
        try f.ok("docker run -d --name container1 busybox sleep 3600")
        let denied = try f.sh("docker exec container_no_chown chown 1000:1000 /tmp")
        #expect(denied.status == 1)
        #expect(denied.output == "chown: /tmp: Operation not permitted\n")
        let allowed = try f.sh("docker exec container1 chown 1000:1000 /tmp")
        #expect(allowed.status == 0 && allowed.output.isEmpty)
        #expect(try f.ok("docker exec container1 grep CapEff /proc/self/status") == "CapEff:\t00000000a80425fb")
        #expect(try f.ok("docker exec container_no_chown grep CapEff /proc/self/status") == "CapEff:\t00000000a80425fa")
    }

    @Test func capabilityFlagsUserAndNoNewPrivileges() throws {
        let f = try CLIFixture()
        defer { f.close() }
        #expect(try f.ok("docker run --rm --cap-drop ALL --cap-add cap_net_raw busybox grep CapEff /proc/self/status") == "CapEff:\t0000000000002000")
        let bad = try f.sh("docker run --rm --cap-add CAP_FOO busybox true")
        #expect(bad.status == 125 && bad.output.contains("CAP_FOO"))
        #expect(try f.ok("docker run --rm -u 1000:1000 busybox id") == "uid=1000 gid=1000 groups=1000")
        #expect(try f.ok("docker run --rm -u 1000 busybox grep CapEff /proc/self/status") == "CapEff:\t0000000000000000")
        #expect(try f.ok("docker run --rm --security-opt no-new-privileges busybox grep NoNewPrivs /proc/self/status") == "NoNewPrivs:\t1")
        #expect(try f.ok("docker run --rm --read-only busybox sh -c 'touch /x 2>&1; true'").contains("Read-only file system"))
    }

    @Test func limitsAreInTheCgroupAndInInspect() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run -d --name lim --cpus 0.5 -m 64m --pids-limit 10 busybox sleep 3600")
        #expect(try f.ok("docker inspect -f '{{.HostConfig.NanoCpus}} {{.HostConfig.Memory}} {{.HostConfig.PidsLimit}}' lim") == "500000000 67108864 10")
        let pid = try f.ok("docker inspect -f '{{.State.Pid}}' lim")
        let cg = try String(contentsOfFile: "/proc/\(pid)/cgroup", encoding: .utf8)
        #expect(cg.contains("/isolab/"), "the container joined its cgroup before exec: \(cg)")
        // Inside, /sys/fs/cgroup is the container's own cgroup, read-only, showing its limit.
        let inside = E2EConditions.isV1 ? "cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us" : "cat /sys/fs/cgroup/cpu.max"
        #expect(try f.ok("docker exec lim \(inside)") == (E2EConditions.isV1 ? "50000" : "50000 100000"))
        #expect(try f.sh("docker exec lim mkdir /sys/fs/cgroup/escape").status != 0)
        let stats = try f.ok("docker stats --no-stream --format '{{.Name}} {{.PIDs}} {{.MemUsage}}' lim")
        #expect(stats.hasPrefix("lim 1 ") && stats.hasSuffix("/ 64MiB"), "\(stats)")
    }

    /// `-m 16m` and a process that never stops allocating (busybox `tail` keeps a newline-free line):
    /// the kernel's OOM killer ends it with SIGKILL, so it exits 137, inspect says `OOMKilled: true`,
    /// and `ps -a` says "Exited (137) …" as Docker does; a container that just exits is not OOM-killed.
    /// The monitor reads the cgroup's oom_kill count (v2 memory.events, v1 memory.oom_control) before
    /// the cgroup is removed.
    @Test func anOOMKillIsInInspectAndPs() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let killed = try f.sh("docker run --name oom -m 16m busybox tail /dev/zero")
        #expect(killed.status == 137, "\(killed.output)")
        #expect(try f.ok("docker inspect -f '{{.State.OOMKilled}} {{.State.ExitCode}}' oom") == "true 137")
        let rows = try f.ok("docker ps -a --format '{{.Names}}: {{.Status}}'")
        #expect(rows.split(separator: "\n").contains { $0.hasPrefix("oom: Exited (137) ") }, "\(rows)")
        #expect(try f.sh("docker run --name plain -m 16m busybox sh -c 'exit 3'").status == 3)
        #expect(try f.ok("docker inspect -f '{{.State.OOMKilled}} {{.State.ExitCode}}' plain") == "false 3")
    }

    @Test func pidsLimitStopsAForkBombInsideTheContainer() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run -d --name bomb --pids-limit 10 busybox sleep 3600")
        let r = try f.sh("docker exec bomb sh -c 'for i in $(seq 1 30); do sleep 2 & done; wait' 2>&1 | head -3")
        #expect(r.output.contains("can't fork") || r.output.contains("Resource temporarily unavailable"), "\(r.output)")
        #expect(try f.sh("true").status == 0, "the host still forks")
    }

    @Test func theDefaultSeccompFilterDeniesWhatNoCapabilityGuards() throws {
        let f = try CLIFixture()
        defer { f.close() }
        // A user namespace needs no capability; Docker's default profile denies it, and so does ours.
        let denied = try f.sh("docker run --rm debian unshare -U true")
        #expect(denied.status == 1 && denied.output.contains("Operation not permitted"), "\(denied.output)")
        #expect(try f.ok("docker run --rm debian grep -c '^Seccomp:.2' /proc/self/status") == "1")
        #expect(try f.sh("docker run --rm --security-opt seccomp=unconfined debian unshare -U true").status == 0)
        #expect(try f.ok("docker run --rm --privileged busybox grep Seccomp: /proc/self/status") == "Seccomp:\t0")
        try f.ok("docker run -d --name filtered busybox sleep 3600")
        #expect(try f.ok("docker exec filtered grep Seccomp: /proc/self/status") == "Seccomp:\t2", "exec gets the filter too")
    }
}
