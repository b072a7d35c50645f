import Foundation
import Testing
import ContainerRuntime

/// The detected manager against the host's real cgroups. Each test cleans up through `CgroupRealFixture`.
@Suite(.serialized)
struct CgroupRealTests {
    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func directory(_ placement: CgroupPlacement, _ hierarchy: String) throws -> String {
        try #require(placement.directories.first { $0.hasPrefix("/sys/fs/cgroup/\(hierarchy)/") })
    }

    @Test(.enabled(if: CgroupTestConditions.isV1Host, "needs a cgroup v1 host"))
    func thisHostIsDetectedAsV1() throws {
        #expect(Cgroups.describeHost().hasPrefix("v1"))
        #expect(try Cgroups.manager() is CgroupV1Manager)
    }

    @Test(.enabled(if: CgroupTestConditions.isV2Host, "needs a cgroup v2 host (this one is v1)"))
    func thisHostIsDetectedAsV2() throws {
        #expect(Cgroups.describeHost() == "v2")
        #expect(try Cgroups.manager() is CgroupV2Manager)
    }

    /// Placement under isolab's own cgroup in every hierarchy; limits in the kernel's files; a process moved
    /// in shows up in /proc/<pid>/cgroup; destroy kills it and removes every directory.
    @Test(.enabled(if: CgroupTestConditions.rootOnV1, "needs root on a cgroup v1 host"))
    func v1CreateJoinLimitsDestroy() throws {
        let fixture = try CgroupRealFixture()
        var limits = ResourceLimits()
        limits.nanoCPUs = 500_000_000
        limits.cpusetCpus = "0"
        limits.memory = 64 * 1024 * 1024
        limits.pidsLimit = 20
        let placement = try fixture.create(limits)
        let ownMemory = try #require(try ProcCgroupEntry.parse(String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8))
            .first { $0.controllers == ["memory"] }).path
        let memoryDir = try Self.directory(placement, "memory")
        #expect(memoryDir == "/sys/fs/cgroup/memory" + (ownMemory == "/" ? "" : ownMemory) + "/isolab/" + fixture.containerID)
        #expect(try Self.read(Self.directory(placement, "cpu") + "/cpu.cfs_quota_us") == "50000")
        #expect(try Self.read(Self.directory(placement, "cpu") + "/cpu.cfs_period_us") == "100000")
        #expect(try Self.read(Self.directory(placement, "cpuset") + "/cpuset.cpus") == "0")
        #expect(try Self.read(memoryDir + "/memory.limit_in_bytes") == "67108864")
        #expect(try Self.read(Self.directory(placement, "pids") + "/pids.max") == "20")

        let sleeper = try fixture.spawn("/bin/sleep", ["100"])
        let pid = sleeper.process.processIdentifier
        try fixture.manager.attach(pid: pid, to: placement)
        #expect(try fixture.manager.pids(placement) == [pid])
        let membership = try String(contentsOfFile: "/proc/\(pid)/cgroup", encoding: .utf8)
        #expect(membership.contains(":cpu:/isolab/\(fixture.containerID)\n"))
        #expect(membership.contains(":memory:\(ownMemory == "/" ? "" : ownMemory)/isolab/\(fixture.containerID)\n"))
        let stats = try fixture.manager.stats(placement)
        #expect(stats.memoryLimit == 64 * 1024 * 1024)
        #expect(stats.pids == 1)

        try fixture.manager.destroy(placement)
        sleeper.process.waitUntilExit()
        #expect(sleeper.process.terminationReason == .uncaughtSignal)
        #expect(sleeper.process.terminationStatus == SIGKILL)
        for directory in placement.directories {
            #expect(!FileManager.default.fileExists(atPath: directory), "left behind: \(directory)")
        }
        try fixture.manager.destroy(placement)   // idempotent
    }

    @Test(.enabled(if: CgroupTestConditions.rootOnV1, "needs root on a cgroup v1 host"))
    func v1CpuUsageGrowsUnderABusyLoop() throws {
        let fixture = try CgroupRealFixture()
        let placement = try fixture.create()
        #expect(try fixture.manager.cpuUsageNanos(placement) == 0)
        let busy = try fixture.spawn("/bin/sh", ["-c", "while :; do :; done"])
        try fixture.manager.attach(pid: busy.process.processIdentifier, to: placement)
        var first: UInt64 = 0
        #expect(try fixture.eventually { first = try fixture.manager.cpuUsageNanos(placement); return first > 0 })
        #expect(try fixture.eventually { try fixture.manager.cpuUsageNanos(placement) > first })
        #expect(try fixture.manager.stats(placement).cpuNanos > 0)
    }

    /// --pids-limit 10: a shell starting 30 background sleeps hits the limit (a fork fails), the kernel
    /// counts the refusals in pids.events, and the host can still fork afterwards.
    @Test(.enabled(if: CgroupTestConditions.rootOnV1, "needs root on a cgroup v1 host"))
    func v1PidsLimitStopsAForkLoop() throws {
        let fixture = try CgroupRealFixture()
        var limits = ResourceLimits()
        limits.pidsLimit = 10
        let placement = try fixture.create(limits)
        let pidsDir = try Self.directory(placement, "pids")
        // `read` is a shell builtin: the shell forks nothing until it is inside the cgroup.
        let shell = try fixture.spawn("/bin/sh", ["-c", "read go; i=0; while [ $i -lt 30 ]; do sleep 30 & i=$((i+1)); done; wait"])
        try fixture.manager.attach(pid: shell.process.processIdentifier, to: placement)
        shell.stdin.fileHandleForWriting.write(Data("go\n".utf8))
        let refused = try fixture.eventually {
            let events = try Self.read(pidsDir + "/pids.events")      // "max 21"
            return (events.split(separator: " ").last.flatMap { Int($0) } ?? 0) > 0
        }
        #expect(refused, "pids.events never counted a refused fork")
        #expect(try fixture.manager.stats(placement).pids <= 10)
        #expect(try UInt64(Self.read(pidsDir + "/pids.current")) ?? 99 <= 10)

        try fixture.manager.destroy(placement)
        shell.process.waitUntilExit()
        let stderr = String(decoding: shell.stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stderr.lowercased().contains("fork"), "stderr: \(stderr)")
        for directory in placement.directories {
            #expect(!FileManager.default.fileExists(atPath: directory), "left behind: \(directory)")
        }
        // The limit was the container's only: the host still forks.
        let after = try fixture.spawn("/bin/true", [])
        after.process.waitUntilExit()
        #expect(after.process.terminationStatus == 0)
    }

    /// A limit the kernel refuses is an error naming the file and errno, and the half-made cgroup is removed.
    @Test(.enabled(if: CgroupTestConditions.rootOnV1, "needs root on a cgroup v1 host"))
    func v1RefusedLimitFailsAndLeavesNothing() throws {
        let fixture = try CgroupRealFixture()
        var limits = ResourceLimits()
        limits.cpusetCpus = "4095"
        let error = try #require(throws: RuntimeError.self) { try fixture.create(limits) }
        #expect(error.message.contains("/isolab/\(fixture.containerID)/cpuset.cpus"))
        #expect(error.message.contains("errno"))
        let v1 = try #require(fixture.manager as? CgroupV1Manager)
        for directory in try v1.directories(for: fixture.containerID) {
            #expect(!FileManager.default.fileExists(atPath: directory), "left behind: \(directory)")
        }
    }

    /// Containers made and removed at the same time share the `isolab` parent: one's destroy removing the
    /// parent when it looks empty must not break another's create.
    @Test(.enabled(if: CgroupTestConditions.rootOnV1, "needs root on a cgroup v1 host"))
    func v1ParallelCreateAndDestroyShareTheParent() throws {
        let failures = FailureList()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<5 {
                do {
                    let fixture = try CgroupRealFixture()
                    let placement = try fixture.create()
                    try fixture.manager.destroy(placement)
                } catch {
                    failures.append("\(error)")
                }
            }
        }
        #expect(failures.items.isEmpty, "\(failures.items)")
    }

    /// The same life cycle on a unified hierarchy.
    @Test(.enabled(if: CgroupTestConditions.rootOnV2, "needs root on a cgroup v2 host (this one is v1)"))
    func v2CreateJoinLimitsDestroy() throws {
        let fixture = try CgroupRealFixture()
        var limits = ResourceLimits()
        limits.nanoCPUs = 500_000_000
        limits.memory = 64 * 1024 * 1024
        limits.pidsLimit = 20
        let placement = try fixture.create(limits)
        let directory = try #require(placement.directories.first)
        #expect(try Self.read(directory + "/cpu.max") == "50000 100000")
        #expect(try Self.read(directory + "/memory.max") == "67108864")
        #expect(try Self.read(directory + "/pids.max") == "20")
        let sleeper = try fixture.spawn("/bin/sleep", ["100"])
        try fixture.manager.attach(pid: sleeper.process.processIdentifier, to: placement)
        #expect(try fixture.manager.pids(placement) == [sleeper.process.processIdentifier])
        try fixture.manager.destroy(placement)
        sleeper.process.waitUntilExit()
        #expect(sleeper.process.terminationStatus == SIGKILL)
        #expect(!FileManager.default.fileExists(atPath: directory))
    }
    /// --pids-limit 10 on v2: the forks past the limit are refused and counted in pids.events.
    @Test(.enabled(if: CgroupTestConditions.rootOnV2, "needs root on a cgroup v2 host (this one is v1)"))
    func v2PidsLimitStopsAForkLoop() throws {
        let fixture = try CgroupRealFixture()
        var limits = ResourceLimits()
        limits.pidsLimit = 10
        let placement = try fixture.create(limits)
        let directory = try #require(placement.directories.first)
        let shell = try fixture.spawn("/bin/sh", ["-c", "read go; i=0; while [ $i -lt 30 ]; do sleep 30 & i=$((i+1)); done; wait"])
        try fixture.manager.attach(pid: shell.process.processIdentifier, to: placement)
        shell.stdin.fileHandleForWriting.write(Data("go\n".utf8))
        let refused = try fixture.eventually {
            let events = try Self.read(directory + "/pids.events")      // "max 21"
            return (events.split(separator: " ").last.flatMap { Int($0) } ?? 0) > 0
        }
        #expect(refused, "pids.events never counted a refused fork")
        #expect(try fixture.manager.stats(placement).pids <= 10)
        try fixture.manager.destroy(placement)
        shell.process.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: directory), "left behind: \(directory)")
    }

    /// A limit the kernel refuses (a CPU that does not exist) names the file and errno, and the half-made
    /// cgroup is removed.
    @Test(.enabled(if: CgroupTestConditions.rootOnV2, "needs root on a cgroup v2 host (this one is v1)"))
    func v2RefusedLimitFailsAndLeavesNothing() throws {
        let fixture = try CgroupRealFixture()
        var limits = ResourceLimits()
        limits.cpusetCpus = "4095"
        let error = try #require(throws: RuntimeError.self) { try fixture.create(limits) }
        #expect(error.message.contains("/isolab/\(fixture.containerID)/cpuset.cpus"))
        #expect(error.message.contains("errno"))
        let v2 = try #require(fixture.manager as? CgroupV2Manager)
        #expect(!FileManager.default.fileExists(atPath: try v2.directory(for: fixture.containerID)))
    }

    /// Containers made and removed at the same time share the `isolab` parent on v2 too.
    @Test(.enabled(if: CgroupTestConditions.rootOnV2, "needs root on a cgroup v2 host (this one is v1)"))
    func v2ParallelCreateAndDestroyShareTheParent() throws {
        let failures = FailureList()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<5 {
                do {
                    let fixture = try CgroupRealFixture()
                    let placement = try fixture.create(ResourceLimits())
                    try fixture.manager.destroy(placement)
                } catch {
                    failures.append("\(error)")
                }
            }
        }
        #expect(failures.items.isEmpty, "\(failures.items)")
    }

    /// v2's no-internal-process rule: a parent that holds a process cannot hand controllers down. The
    /// create is refused with a message that says so, and the parent's subtree_control is unchanged (the
    /// kernel applies one write all or nothing; isolab never falls back to one write per controller).
    @Test(.enabled(if: CgroupTestConditions.rootOnV2, "needs root on a cgroup v2 host (this one is v1)"))
    func v2ParentWithProcessesIsRefusedAndLeftAsItWas() throws {
        let fixture = try CgroupRealFixture()
        let own = try #require(try ProcCgroupEntry.parse(String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8))
            .first { $0.isUnified }).path
        // A busy cgroup beside this process's own: <parent>/<id>-busy holding a sleep, with a child "inner"
        // standing for the cgroup isolab runs in.
        let parent = own.split(separator: "/").dropLast().map { "/" + $0 }.joined()
        let busyRelative = parent + "/" + fixture.containerID + "-busy"
        let busy = "/sys/fs/cgroup" + busyRelative
        try FileManager.default.createDirectory(atPath: busy + "/inner", withIntermediateDirectories: true)
        defer { rmdir(busy + "/inner"); rmdir(busy) }
        let sleeper = try fixture.spawn("/bin/sleep", ["100"])
        try String(sleeper.process.processIdentifier).write(toFile: busy + "/cgroup.procs", atomically: false, encoding: .utf8)
        let before = try Self.read(busy + "/cgroup.subtree_control")
        let manager = CgroupV2Manager(mountPoint: "/sys/fs/cgroup", ownPath: busyRelative + "/inner")
        var limits = ResourceLimits()
        limits.nanoCPUs = 500_000_000
        limits.memory = 64 * 1024 * 1024
        let error = try #require(throws: RuntimeError.self) { try manager.create(containerID: fixture.containerID, limits: limits) }
        #expect(error.message.contains("processes of its own"), "\(error.message)")
        #expect(try Self.read(busy + "/cgroup.subtree_control") == before)
        #expect(!FileManager.default.fileExists(atPath: busy + "/isolab"))
        kill(sleeper.process.processIdentifier, SIGKILL)
        sleeper.process.waitUntilExit()
    }
}
