import Foundation
import Testing
@testable import ContainerRuntime

/// The v1 backend against a fake tree laid out like this machine: one mount per controller, memory nested.
struct CgroupV1ManagerTests {
    static let procSelfCgroup = """
        8:pids:/
        4:memory:/process_api/b4f0bf85a96463a4da8f2f2dc3aecf73
        3:cpuset:/
        2:cpuacct:/
        1:cpu:/
        0::/
        """
    static let memoryOwn = "memory/process_api/b4f0bf85a96463a4da8f2f2dc3aecf73"
    static let id = "c0ffee"

    let tree: CgroupFakeTree
    let manager: CgroupV1Manager

    init() throws {
        let tree = try CgroupFakeTree()
        self.tree = tree
        let mounts = ["cpu", "cpuacct", "cpuset", "memory", "pids"].map {
            CgroupMount(mountPoint: tree.path($0), root: "/", fsType: "cgroup", superOptions: ["rw", $0])
        }
        manager = try CgroupV1Manager(mounts: mounts, procSelfCgroup: Self.procSelfCgroup)
    }

    /// What mkdir would have made in each hierarchy, the files empty as in a new cgroup.
    func playKernel(cpuset: Bool = true, memoryFiles: Bool = true) throws {
        let id = Self.id
        try tree.file("cpuset/cpuset.cpus", "0-1\n")
        try tree.file("cpuset/cpuset.mems", "0\n")
        for level in ["cpuset/isolab", "cpuset/isolab/\(id)"] where cpuset {
            try tree.file(level + "/cpuset.cpus", "\n")
            try tree.file(level + "/cpuset.mems", "\n")
        }
        try tree.file("cpu/isolab/\(id)/cpu.cfs_quota_us", "-1\n")
        try tree.file("cpu/isolab/\(id)/cpu.cfs_period_us", "100000\n")
        try tree.file("cpu/isolab/\(id)/cpu.shares", "1024\n")
        try tree.file("cpuacct/isolab/\(id)/cpuacct.usage", "0\n")
        // Without memoryFiles the directory is there but the controller's file is not.
        try tree.file("\(Self.memoryOwn)/isolab/\(id)/cgroup.procs", "")
        if memoryFiles {
            try tree.file("\(Self.memoryOwn)/isolab/\(id)/memory.limit_in_bytes", "9223372036854771712\n")
            try tree.file("\(Self.memoryOwn)/isolab/\(id)/memory.memsw.limit_in_bytes", "9223372036854771712\n")
        }
        try tree.file("pids/isolab/\(id)/pids.max", "max\n")
    }

    @Test func createWritesEveryRequestedLimit() throws {
        try playKernel()
        var limits = ResourceLimits()
        limits.nanoCPUs = 500_000_000
        limits.cpusetCpus = "1"
        limits.memory = 64 * 1024 * 1024
        limits.pidsLimit = 10
        limits.cpuShares = 512
        limits.memorySwap = 96 * 1024 * 1024
        let placement = try manager.create(containerID: Self.id, limits: limits)
        #expect(try tree.read("\(Self.memoryOwn)/isolab/c0ffee/memory.memsw.limit_in_bytes") == "100663296")
        #expect(try tree.read("cpu/isolab/c0ffee/cpu.shares") == "512")
        #expect(placement.version == 1)
        #expect(placement.directories == [
            tree.path("cpu/isolab/c0ffee"), tree.path("cpuacct/isolab/c0ffee"), tree.path("cpuset/isolab/c0ffee"),
            tree.path("\(Self.memoryOwn)/isolab/c0ffee"), tree.path("pids/isolab/c0ffee"),
        ])
        #expect(placement.procsFiles.last == tree.path("pids/isolab/c0ffee/cgroup.procs"))
        // The C child joins through `tasks` (one thread, no threadgroup lock), not cgroup.procs.
        #expect(placement.joinFiles.last == tree.path("pids/isolab/c0ffee/tasks"))
        #expect(try tree.read("cpu/isolab/c0ffee/cpu.cfs_quota_us") == "50000")
        #expect(try tree.read("cpu/isolab/c0ffee/cpu.cfs_period_us") == "100000")
        #expect(try tree.read("cpuset/isolab/c0ffee/cpuset.cpus") == "1")
        #expect(try tree.read("\(Self.memoryOwn)/isolab/c0ffee/memory.limit_in_bytes") == "67108864")
        #expect(try tree.read("pids/isolab/c0ffee/pids.max") == "10")
    }

    @Test func cpusetIsCopiedIntoEachNewLevel() throws {
        try playKernel()
        _ = try manager.create(containerID: Self.id, limits: ResourceLimits())
        #expect(try tree.read("cpuset/isolab/cpuset.cpus") == "0-1")
        #expect(try tree.read("cpuset/isolab/cpuset.mems") == "0")
        #expect(try tree.read("cpuset/isolab/c0ffee/cpuset.cpus") == "0-1")
        #expect(try tree.read("cpuset/isolab/c0ffee/cpuset.mems") == "0")
    }

    @Test func noLimitsWritesNoLimitFile() throws {
        try playKernel()
        _ = try manager.create(containerID: Self.id, limits: ResourceLimits())
        #expect(try tree.read("cpu/isolab/c0ffee/cpu.cfs_quota_us") == "-1\n")
        #expect(try tree.read("pids/isolab/c0ffee/pids.max") == "max\n")
        #expect(try tree.read("\(Self.memoryOwn)/isolab/c0ffee/memory.limit_in_bytes") == "9223372036854771712\n")
    }

    /// A controller file that is not there (the kernel did not make it) fails with its path and errno.
    @Test func missingFileForARequestedLimitIsAnError() throws {
        try playKernel(memoryFiles: false)
        var limits = ResourceLimits()
        limits.memory = 6 * 1024 * 1024
        let error = try #require(throws: RuntimeError.self) { try manager.create(containerID: Self.id, limits: limits) }
        #expect(error.kind == .system(errno: ENOENT))
        #expect(error.message.contains(tree.path("\(Self.memoryOwn)/isolab/c0ffee/memory.limit_in_bytes")))
        #expect(error.message.contains("errno 2"))
    }

    @Test func unmountedControllerForARequestedLimitIsAnErrorBeforeAnythingIsMade() throws {
        let onlyCpu = CgroupV1Manager(hierarchies: [CgroupV1Hierarchy(controllers: ["cpu"], mountPoint: tree.path("cpu"), ownPath: "/")])
        var limits = ResourceLimits()
        limits.pidsLimit = 5
        let error = try #require(throws: RuntimeError.self) { try onlyCpu.create(containerID: Self.id, limits: limits) }
        #expect(error.message.contains("--pids-limit needs the v1 pids controller"))
        #expect(!tree.exists("cpu/isolab"))
    }

    @Test func statsFromTheFiles() throws {
        let placement = CgroupPlacement(version: 1, directories: try manager.directories(for: Self.id))
        try tree.file("cpuacct/isolab/c0ffee/cpuacct.usage", "123456789\n")
        try tree.file("\(Self.memoryOwn)/isolab/c0ffee/memory.usage_in_bytes", "4096\n")
        try tree.file("\(Self.memoryOwn)/isolab/c0ffee/memory.limit_in_bytes", "9223372036854771712\n")
        try tree.file("pids/isolab/c0ffee/pids.current", "3\n")
        try tree.file("pids/isolab/c0ffee/cgroup.procs", "10\n12\n")
        try tree.file("cpu/isolab/c0ffee/cgroup.procs", "12\n11\n")
        #expect(try manager.cpuUsageNanos(placement) == 123_456_789)
        #expect(try manager.stats(placement) == CgroupStats(cpuNanos: 123_456_789, memoryUsage: 4096, memoryLimit: nil, pids: 3))
        try tree.file("\(Self.memoryOwn)/isolab/c0ffee/memory.limit_in_bytes", "67108864\n")
        #expect(try manager.stats(placement).memoryLimit == 67_108_864)
        #expect(try manager.pids(placement) == [10, 11, 12])
    }

    @Test func destroyOfAMissingCgroupIsDone() throws {
        let placement = CgroupPlacement(version: 1, directories: try manager.directories(for: Self.id))
        try manager.destroy(placement)
        try manager.destroy(placement)
    }

    /// The shared `isolab` parent goes with the last container only.
    @Test func destroyRemovesTheParentWithItsLastContainer() throws {
        let only = CgroupV1Manager(hierarchies: [CgroupV1Hierarchy(controllers: ["cpu"], mountPoint: tree.path("cpu"), ownPath: "/")])
        for id in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: tree.path("cpu/isolab/\(id)"), withIntermediateDirectories: true)
        }
        try only.destroy(CgroupPlacement(version: 1, directories: [tree.path("cpu/isolab/a")]))
        #expect(!tree.exists("cpu/isolab/a"))
        #expect(tree.exists("cpu/isolab/b"))
        try only.destroy(CgroupPlacement(version: 1, directories: [tree.path("cpu/isolab/b")]))
        #expect(!tree.exists("cpu/isolab"))
        #expect(tree.exists("cpu"))
    }

    @Test func destroyRefusesADirectoryThatIsNotAContainers() throws {
        try tree.file("cpu/cgroup.procs", "")
        let error = try #require(throws: RuntimeError.self) {
            try manager.destroy(CgroupPlacement(version: 1, directories: [tree.path("cpu")]))
        }
        #expect(error.message.contains("refusing to remove"))
    }

    @Test func swapLimitIsSkippedWithoutSwapAccounting() throws {
        try playKernel()
        try FileManager.default.removeItem(atPath: tree.path("\(Self.memoryOwn)/isolab/\(Self.id)/memory.memsw.limit_in_bytes"))
        var limits = ResourceLimits()
        limits.memory = 64 * 1024 * 1024
        limits.memorySwap = -1
        _ = try manager.create(containerID: Self.id, limits: limits)
        #expect(try tree.read("\(Self.memoryOwn)/isolab/c0ffee/memory.limit_in_bytes") == "67108864")
        #expect(!tree.exists("\(Self.memoryOwn)/isolab/c0ffee/memory.memsw.limit_in_bytes"))
    }
}
