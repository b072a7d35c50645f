import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// cgroup v1: one directory per mounted hierarchy, each at `<isolab's cgroup there>/isolab/<id>`, so that
/// whatever limits the job running isolab (here a memory cgroup at /process_api/<hash>) also covers its containers.
public struct CgroupV1Manager: CgroupManager {
    public let hierarchies: [CgroupV1Hierarchy]

    public init(hierarchies: [CgroupV1Hierarchy]) { self.hierarchies = hierarchies }

    /// From the cgroup mounts of /proc/self/mountinfo and the text of /proc/self/cgroup.
    public init(mounts: [CgroupMount], procSelfCgroup: String) throws {
        self.init(hierarchies: CgroupV1Hierarchy.resolve(mounts: mounts, selfCgroup: try ProcCgroupEntry.parse(procSelfCgroup)))
    }

    /// The container's directory in every hierarchy, in hierarchy order.
    public func directories(for containerID: String) throws -> [String] {
        try CgroupPath.validate(containerID: containerID)
        return hierarchies.map { CgroupPath.join($0.ownDirectory, CgroupPath.parentName + "/" + containerID) }
    }

    public func placement(for containerID: String) throws -> CgroupPlacement {
        CgroupPlacement(version: 1, directories: try directories(for: containerID))
    }

    public func create(containerID: String, limits: ResourceLimits) throws -> CgroupPlacement {
        let directories = try directories(for: containerID)
        let cpu = limits.cpuBandwidth
        // Refuse before making anything: a requested limit whose controller is not mounted must not be dropped.
        for (controller, flag) in limits.requiredControllers(cpu) where hierarchy(with: controller) == nil {
            throw RuntimeError(.system(errno: ENOENT),
                               "cgroups: \(flag) needs the v1 \(controller) controller, but no \(controller) hierarchy is mounted (see /proc/self/mountinfo)")
        }
        var placement = CgroupPlacement(version: 1, directories: [])
        do {
            for (hierarchy, directory) in zip(hierarchies, directories) {
                // Recorded before mkdir, so that a failure below removes it too.
                placement.directories.append(directory)
                try CgroupFS.makeParentAndLeaf(directory) { level in
                    if hierarchy.controllers.contains("cpuset") { try Self.inheritCpuset(level) }
                }
            }
            try apply(limits, cpu, placement)
        } catch {
            try? destroy(placement)
            throw error
        }
        return placement
    }

    public func cpuUsageNanos(_ placement: CgroupPlacement) throws -> UInt64 {
        try CgroupFS.readUInt64(try directory(of: "cpuacct", in: placement) + "/cpuacct.usage")
    }

    public func stats(_ placement: CgroupPlacement) throws -> CgroupStats {
        let cpu = try cpuUsageNanos(placement)
        var usage: UInt64 = 0
        var limit: UInt64?
        if let memory = try? directory(of: "memory", in: placement) {
            usage = try CgroupFS.readUInt64(memory + "/memory.usage_in_bytes")
            limit = Self.memoryLimit(try CgroupFS.readUInt64(memory + "/memory.limit_in_bytes"))
        }
        let pidCount: UInt64
        if let pidsDir = try? directory(of: "pids", in: placement) {
            pidCount = try CgroupFS.readUInt64(pidsDir + "/pids.current")
        } else {
            pidCount = UInt64(try pids(placement).count)
        }
        return CgroupStats(cpuNanos: cpu, memoryUsage: usage, memoryLimit: limit, pids: pidCount)
    }

    /// Every pid in any of the container's hierarchies (a child that failed half-way joined only some).
    public func pids(_ placement: CgroupPlacement) throws -> [Int32] {
        var all = Set<Int32>()
        for directory in placement.directories {
            all.formUnion(try CgroupFS.pids(inProcsFile: directory + "/cgroup.procs"))
        }
        return all.sorted()
    }

    public func destroy(_ placement: CgroupPlacement) throws {
        try CgroupTeardown.run(directories: placement.directories)
    }

    /// v1 reports "no limit" as the largest page-aligned value (9223372036854771712 on x86-64).
    static func memoryLimit(_ raw: UInt64) -> UInt64? {
        raw >= UInt64(Int64.max) - 0xFFFF ? nil : raw
    }

    // MARK: - Helpers

    func hierarchy(with controller: String) -> CgroupV1Hierarchy? {
        hierarchies.first { $0.controllers.contains(controller) }
    }

    /// The placement's directory in the hierarchy of `controller` (matched by mount point).
    func directory(of controller: String, in placement: CgroupPlacement) throws -> String {
        guard let hierarchy = hierarchy(with: controller),
              let directory = placement.directories.first(where: { $0.hasPrefix(CgroupPath.join(hierarchy.mountPoint, "") + "/") })
        else {
            throw RuntimeError(.system(errno: ENOENT),
                               "cgroups: the container has no directory in a v1 \(controller) hierarchy (placement: \(placement.directories.joined(separator: ", ")))")
        }
        return directory
    }

    /// A new cpuset cgroup starts with no CPUs and no memory nodes, and nothing can join it until it has
    /// both: copy them from the parent unless already set (an existing `isolab` level, or clone_children).
    static func inheritCpuset(_ directory: String) throws {
        let parent = CgroupPath.dirname(directory)
        for file in ["cpuset.cpus", "cpuset.mems"] where try CgroupFS.readTrimmed(directory + "/" + file).isEmpty {
            try CgroupFS.write(try CgroupFS.readTrimmed(parent + "/" + file), to: directory + "/" + file)
        }
    }

    func apply(_ limits: ResourceLimits, _ cpu: CgroupCPUBandwidth, _ placement: CgroupPlacement) throws {
        if !cpu.isEmpty {
            let dir = try directory(of: "cpu", in: placement)
            // Period first: the kernel checks the quota against the period in force.
            if let period = cpu.period { try CgroupFS.write(String(period), to: dir + "/cpu.cfs_period_us") }
            if let quota = cpu.quota { try CgroupFS.write(String(quota), to: dir + "/cpu.cfs_quota_us") }
        }
        if limits.cpuShares != 0 {
            try CgroupFS.write(String(limits.cpuShares), to: try directory(of: "cpu", in: placement) + "/cpu.shares")
        }
        if !limits.cpusetCpus.isEmpty {
            try CgroupFS.write(limits.cpusetCpus, to: try directory(of: "cpuset", in: placement) + "/cpuset.cpus")
        }
        if limits.memory > 0 || limits.memorySwap != 0 { try Self.applyMemory(limits, in: try directory(of: "memory", in: placement)) }
        if limits.pidsLimit > 0 {
            try CgroupFS.write(String(limits.pidsLimit), to: try directory(of: "pids", in: placement) + "/pids.max")
        }
    }

    /// -m and --memory-swap. The kernel keeps memory.limit_in_bytes <= memory.memsw.limit_in_bytes
    /// after every write, so the order depends on where the limits go (runc's rule): memsw first
    /// when it rises above the memory limit in force, else memory first. memsw is written only
    /// where it exists (swap accounting); ConfigValidator turned a swap limit into -1 elsewhere.
    static func applyMemory(_ limits: ResourceLimits, in dir: String) throws {
        let memoryFile = dir + "/memory.limit_in_bytes", swapFile = dir + "/memory.memsw.limit_in_bytes"
        let swap = limits.memorySwap != 0 && CgroupFS.exists(swapFile) ? limits.memorySwap : nil
        let memory = limits.memory > 0 ? limits.memory : nil
        var swapFirst = false
        if let swap, memory != nil {
            swapFirst = try swap == -1 || CgroupFS.readUInt64(memoryFile) < UInt64(swap)
        }
        if swapFirst, let swap { try CgroupFS.write(String(swap), to: swapFile) }
        if let memory { try CgroupFS.write(String(memory), to: memoryFile) }
        if !swapFirst, let swap { try CgroupFS.write(String(swap), to: swapFile) }
    }
}
