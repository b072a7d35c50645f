import Foundation
import Testing
@testable import ContainerRuntime

/// The v2 backend against a fake unified tree; isolab runs in /user.slice/user-0.slice/session-3.scope.
struct CgroupV2ManagerTests {
    static let procSelfCgroup = "0::/user.slice/user-0.slice/session-3.scope\n"
    static let all = "cpuset cpu io memory hugetlb pids rdma misc\n"
    static let parent = "user.slice/user-0.slice"
    static let leaf = "user.slice/user-0.slice/isolab/c0ffee"

    let tree: CgroupFakeTree
    let manager: CgroupV2Manager

    init() throws {
        tree = try CgroupFakeTree()
        manager = try CgroupV2Manager(mountPoint: tree.path("cg"), procSelfCgroup: Self.procSelfCgroup)
    }

    func playKernel(controllers: String = Self.all, rootEnabled: String = "cpu memory pids\n") throws {
        try tree.file("cg/cgroup.controllers", controllers)
        try tree.file("cg/cgroup.subtree_control", rootEnabled)
        for level in ["cg/user.slice", "cg/\(Self.parent)", "cg/\(Self.parent)/isolab"] {
            try tree.file(level + "/cgroup.controllers", controllers)
            try tree.file(level + "/cgroup.subtree_control", "\n")
        }
        for file in ["cpu.max", "cpu.weight", "cpuset.cpus", "memory.max", "memory.swap.max", "pids.max"] {
            try tree.file("cg/\(Self.leaf)/\(file)", "")
        }
    }

    @Test func placedNextToIsolabsOwnCgroup() throws {
        #expect(try manager.directory(for: "c0ffee") == tree.path("cg/\(Self.leaf)"))
    }

    @Test func createEnablesControllersAndWritesLimits() throws {
        try playKernel()
        var limits = ResourceLimits()
        limits.nanoCPUs = 500_000_000
        limits.cpusetCpus = "0"
        limits.memory = 100 * 1024 * 1024
        limits.pidsLimit = 10
        limits.cpuShares = 512
        limits.memorySwap = limits.memory
        let placement = try manager.create(containerID: "c0ffee", limits: limits)
        #expect(try tree.read("cg/\(Self.leaf)/memory.swap.max") == "0")
        #expect(try tree.read("cg/\(Self.leaf)/cpu.weight") == "20")
        #expect(placement == CgroupPlacement(version: 2, directories: [tree.path("cg/\(Self.leaf)")]))
        #expect(placement.joinFiles == [tree.path("cg/\(Self.leaf)/cgroup.procs")])   // v2 has no `tasks`
        // Only the controllers a level has not enabled yet; one write each level.
        #expect(try tree.read("cg/cgroup.subtree_control") == "+cpuset")
        #expect(try tree.read("cg/user.slice/cgroup.subtree_control") == "+cpu +cpuset +memory +pids")
        #expect(try tree.read("cg/\(Self.parent)/cgroup.subtree_control") == "+cpu +cpuset +memory +pids")
        #expect(try tree.read("cg/\(Self.parent)/isolab/cgroup.subtree_control") == "+cpu +cpuset +memory +pids")
        #expect(try tree.read("cg/\(Self.leaf)/cpu.max") == "50000 100000")
        #expect(try tree.read("cg/\(Self.leaf)/cpuset.cpus") == "0")
        #expect(try tree.read("cg/\(Self.leaf)/memory.max") == "104857600")
        #expect(try tree.read("cg/\(Self.leaf)/pids.max") == "10")
    }

    @Test func periodAloneLeavesTheQuotaAtMax() throws {
        try playKernel()
        var limits = ResourceLimits()
        limits.cpuPeriod = 20_000
        _ = try manager.create(containerID: "c0ffee", limits: limits)
        #expect(try tree.read("cg/\(Self.leaf)/cpu.max") == "max 20000")
        #expect(try tree.read("cg/\(Self.leaf)/cpu.weight") == "", "no --cpu-shares: the kernel's weight stays")
        #expect(try tree.read("cg/\(Self.leaf)/memory.max") == "")
    }

    @Test func requestedControllerTheHostLacksIsAnError() throws {
        try playKernel(controllers: "cpu io pids\n")
        var limits = ResourceLimits()
        limits.memory = 100 * 1024 * 1024
        let error = try #require(throws: RuntimeError.self) { try manager.create(containerID: "c0ffee", limits: limits) }
        #expect(error.message.contains("--memory needs the memory controller"))
        #expect(error.message.contains(tree.path("cg/cgroup.controllers")))
    }

    @Test func unrequestedControllersTheHostLacksAreLeftOut() throws {
        try playKernel(controllers: "cpu io pids\n", rootEnabled: "\n")
        _ = try manager.create(containerID: "c0ffee", limits: ResourceLimits())
        #expect(try tree.read("cg/\(Self.parent)/cgroup.subtree_control") == "+cpu +pids")
    }

    @Test func missingLimitFileIsAnErrorWithPathAndErrno() throws {
        try playKernel()
        try FileManager.default.removeItem(atPath: tree.path("cg/\(Self.leaf)/pids.max"))
        var limits = ResourceLimits()
        limits.pidsLimit = 3
        let error = try #require(throws: RuntimeError.self) { try manager.create(containerID: "c0ffee", limits: limits) }
        #expect(error.message.hasPrefix("open \(tree.path("cg/\(Self.leaf)/pids.max")): No such file or directory (errno 2)"))
    }

    @Test func usageFromCpuStat() throws {
        #expect(CgroupV2Manager.usageMicroseconds(cpuStat: """
            usage_usec 1234567
            user_usec 1000000
            system_usec 234567
            nr_periods 0
            """) == 1_234_567)
        #expect(CgroupV2Manager.usageMicroseconds(cpuStat: "user_usec 5\n") == nil)
    }

    @Test func statsFromTheFiles() throws {
        let placement = CgroupPlacement(version: 2, directories: [tree.path("cg/\(Self.leaf)")])
        try tree.file("cg/\(Self.leaf)/cpu.stat", "usage_usec 2500\nuser_usec 2000\nsystem_usec 500\n")
        try tree.file("cg/\(Self.leaf)/memory.current", "8192\n")
        try tree.file("cg/\(Self.leaf)/memory.max", "max\n")
        try tree.file("cg/\(Self.leaf)/cgroup.procs", "42\n7\n")
        #expect(try manager.cpuUsageNanos(placement) == 2_500_000)
        // No pids.current (controller off): the processes are counted.
        #expect(try manager.stats(placement) == CgroupStats(cpuNanos: 2_500_000, memoryUsage: 8192, memoryLimit: nil, pids: 2))
        try tree.file("cg/\(Self.leaf)/memory.max", "104857600\n")
        try tree.file("cg/\(Self.leaf)/pids.current", "5\n")
        let stats = try manager.stats(placement)
        #expect(stats.memoryLimit == 104_857_600)
        #expect(stats.pids == 5)
        #expect(try manager.pids(placement) == [7, 42])
    }

    @Test func destroyOfAMissingCgroupIsDone() throws {
        let placement = CgroupPlacement(version: 2, directories: [tree.path("cg/\(Self.leaf)")])
        try manager.destroy(placement)
        try manager.destroy(placement)
    }
}
