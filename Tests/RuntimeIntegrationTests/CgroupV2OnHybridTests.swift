import Foundation
import Testing
import ContainerRuntime

/// The v2 backend against a real kernel cgroup2: on this hybrid host, the one at /sys/fs/cgroup/unified.
/// It has no controllers (they are bound to v1), so only controller-free paths run here: placement,
/// joining, cpu.stat (always present in v2), process counting, cgroup.kill and removal, and the error for a
/// limit whose controller the hierarchy lacks.
@Suite(.serialized)
struct CgroupV2OnHybridTests {
    static func manager() throws -> CgroupV2Manager {
        let mount = try #require(CgroupTestConditions.hybridUnifiedMount)
        return try CgroupV2Manager(mountPoint: mount, procSelfCgroup: String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8))
    }

    @Test(.enabled(if: CgroupTestConditions.rootOnHybrid, "needs root on a v1 hybrid host (a cgroup2 beside v1)"))
    func createJoinCountKillRemove() throws {
        let manager = try Self.manager()
        let fixture = try CgroupRealFixture(manager: manager)
        let placement = try fixture.create()
        let directory = try #require(placement.directories.first)
        #expect(directory == manager.containersDirectory + "/" + fixture.containerID)
        let busy = try fixture.spawn("/bin/sh", ["-c", "while :; do :; done"])
        let pid = busy.process.processIdentifier
        try manager.attach(pid: pid, to: placement)
        #expect(try manager.pids(placement) == [pid])
        #expect(try String(contentsOfFile: "/proc/\(pid)/cgroup", encoding: .utf8).contains("0::\(directory.dropFirst(manager.mountPoint.count))\n"))
        #expect(try fixture.eventually { try manager.cpuUsageNanos(placement) > 0 })
        let stats = try manager.stats(placement)
        #expect(stats.pids == 1)            // counted from cgroup.procs: no pids controller here
        #expect(stats.memoryLimit == nil)

        try manager.destroy(placement)
        busy.process.waitUntilExit()
        #expect(busy.process.terminationStatus == SIGKILL)
        #expect(!FileManager.default.fileExists(atPath: directory))
    }

    @Test(.enabled(if: CgroupTestConditions.rootOnHybrid, "needs root on a v1 hybrid host (a cgroup2 beside v1)"))
    func limitWithoutItsControllerIsRefused() throws {
        let manager = try Self.manager()
        let fixture = try CgroupRealFixture(manager: manager)
        var limits = ResourceLimits()
        limits.pidsLimit = 10
        let error = try #require(throws: RuntimeError.self) { try fixture.create(limits) }
        #expect(error.message.contains("--pids-limit needs the pids controller"))
        #expect(!FileManager.default.fileExists(atPath: try manager.directory(for: fixture.containerID)))
    }
}
