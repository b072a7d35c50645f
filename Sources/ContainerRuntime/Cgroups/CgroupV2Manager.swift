import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// cgroup v2: one directory, `<parent of isolab's cgroup>/isolab/<id>`. It cannot go under isolab's own
/// cgroup, because a cgroup that holds processes cannot hand controllers down to children.
public struct CgroupV2Manager: CgroupManager {
    public let mountPoint: String
    /// isolab's own cgroup, relative to `mountPoint` ("/user.slice/…/session-1.scope").
    public let ownPath: String

    /// The controllers enabled for containers on the way down, when the host has them.
    public static let controllers = ["cpu", "cpuset", "memory", "pids"]

    public init(mountPoint: String, ownPath: String) { self.mountPoint = mountPoint; self.ownPath = ownPath }

    /// From the mount point (and the mounted subtree, "/" normally) and the text of /proc/self/cgroup.
    public init(mountPoint: String, mountRoot: String = "/", procSelfCgroup: String) throws {
        guard let entry = try ProcCgroupEntry.parse(procSelfCgroup).first(where: \.isUnified) else {
            throw RuntimeError(.failed, "cgroups: /proc/self/cgroup has no unified (0::) line on a cgroup v2 host")
        }
        guard let relative = CgroupPath.relative(entry.path, to: mountRoot) else {
            throw RuntimeError(.failed, "cgroups: isolab's cgroup \(entry.path) is outside the cgroup2 subtree \(mountRoot) mounted at \(mountPoint)")
        }
        self.init(mountPoint: mountPoint, ownPath: relative)
    }

    /// `<parent of isolab's cgroup>/isolab`, the directory of every container's cgroup.
    public var containersDirectory: String {
        CgroupPath.join(mountPoint, CgroupPath.join(CgroupPath.parent(ownPath), CgroupPath.parentName))
    }

    public func directory(for containerID: String) throws -> String {
        try CgroupPath.validate(containerID: containerID)
        return containersDirectory + "/" + containerID
    }

    public func placement(for containerID: String) throws -> CgroupPlacement {
        CgroupPlacement(version: 2, directories: [try directory(for: containerID)])
    }

    public func create(containerID: String, limits: ResourceLimits) throws -> CgroupPlacement {
        let directory = try directory(for: containerID)
        let cpu = limits.cpuBandwidth
        let required = limits.requiredControllers(cpu)
        let placement = CgroupPlacement(version: 2, directories: [directory])
        // Each level from the root down to `isolab` (made below) must hand the controllers to the next one.
        var levels = [CgroupPath.join(mountPoint, "")]
        for component in CgroupPath.parent(ownPath).split(separator: "/") {
            levels.append(levels[levels.count - 1] + "/" + component)
        }
        do {
            for level in levels {
                do {
                    try Self.enableControllers(in: level, required: required)
                } catch let error as RuntimeError where error.kind == .system(errno: EBUSY) && level == levels[0] {
                    guard try Self.evacuateNamespaceRoot(level) else { throw error }
                    try Self.enableControllers(in: level, required: required)
                }
            }
            try CgroupFS.makeParentAndLeaf(directory) { level in
                // The leaf hands nothing down: the container's processes live in it.
                if level == containersDirectory { try Self.enableControllers(in: level, required: required) }
            }
            try apply(limits, cpu, directory)
        } catch {
            try? destroy(placement)
            throw error
        }
        return placement
    }

    public func cpuUsageNanos(_ placement: CgroupPlacement) throws -> UInt64 {
        let path = try directory(of: placement) + "/cpu.stat"
        guard let usec = Self.usageMicroseconds(cpuStat: try CgroupFS.read(path)) else {
            throw RuntimeError(.failed, "read \(path): no usage_usec line")
        }
        return usec * 1000
    }

    public func stats(_ placement: CgroupPlacement) throws -> CgroupStats {
        let dir = try directory(of: placement)
        let cpu = try cpuUsageNanos(placement)
        var usage: UInt64 = 0
        var limit: UInt64?
        // Without the memory controller there is nothing to report, which is not an error.
        if CgroupFS.exists(dir + "/memory.current") {
            usage = try CgroupFS.readUInt64(dir + "/memory.current")
            limit = try Self.memoryLimit(CgroupFS.readTrimmed(dir + "/memory.max"), path: dir + "/memory.max")
        }
        let pidCount = CgroupFS.exists(dir + "/pids.current")
            ? try CgroupFS.readUInt64(dir + "/pids.current")
            : UInt64(try pids(placement).count)
        return CgroupStats(cpuNanos: cpu, memoryUsage: usage, memoryLimit: limit, pids: pidCount)
    }

    public func pids(_ placement: CgroupPlacement) throws -> [Int32] {
        try CgroupFS.pids(inProcsFile: try directory(of: placement) + "/cgroup.procs").sorted()
    }

    public func destroy(_ placement: CgroupPlacement) throws {
        try CgroupTeardown.run(directories: placement.directories)
    }

    // MARK: - Helpers

    func directory(of placement: CgroupPlacement) throws -> String {
        guard placement.version == 2, placement.directories.count == 1, let directory = placement.directories.first else {
            throw RuntimeError(.invalidArgument, "cgroups: not a cgroup v2 placement: version \(placement.version), \(placement.directories)")
        }
        return directory
    }

    /// `usage_usec` from `cpu.stat`.
    static func usageMicroseconds(cpuStat: String) -> UInt64? {
        for line in cpuStat.split(whereSeparator: \.isNewline) {
            let fields = line.split(separator: " ")
            if fields.count == 2, fields[0] == "usage_usec" { return UInt64(fields[1]) }
        }
        return nil
    }

    /// `memory.max`: "max" is no limit.
    static func memoryLimit(_ text: String, path: String) throws -> UInt64? {
        if text == "max" { return nil }
        guard let value = UInt64(text) else { throw RuntimeError(.failed, "read \(path): expected a number or \"max\", found \"\(text)\"") }
        return value
    }

    /// Turns on, in `directory/cgroup.subtree_control`, each of `controllers` the level has and has not
    /// enabled. The kernel applies one write all or nothing, so a refused write leaves the file as it was:
    /// first every controller containers use; if that is refused, only those the limits need (a controller
    /// the level lists may still be refused, e.g. cpu while a real-time process is in the subtree). Never
    /// one write per controller: enabling the threaded ones (cpu, cpuset, pids) alone succeeds in a
    /// cgroup with processes and turns it into a thread root, which then refuses memory and is not undone.
    static func enableControllers(in directory: String, required: [(controller: String, flag: String)]) throws {
        let available = try CgroupFS.read(directory + "/cgroup.controllers").split(whereSeparator: \.isWhitespace).map(String.init)
        for need in required where !available.contains(need.controller) {
            throw RuntimeError(.system(errno: ENOENT),
                               "cgroups: \(need.flag) needs the \(need.controller) controller, which \(directory)/cgroup.controllers does not list")
        }
        let enabled = try CgroupFS.read(directory + "/cgroup.subtree_control").split(whereSeparator: \.isWhitespace).map(String.init)
        let missing = controllers.filter { available.contains($0) && !enabled.contains($0) }
        guard !missing.isEmpty else { return }
        let path = directory + "/cgroup.subtree_control"
        let needed = missing.filter { controller in required.contains { $0.controller == controller } }
        do {
            try CgroupFS.write(missing.map { "+" + $0 }.joined(separator: " "), to: path)
        } catch let first as RuntimeError {
            guard !needed.isEmpty, needed != missing else { throw explain(first, directory: directory, controllers: missing) }
            do {
                try CgroupFS.write(needed.map { "+" + $0 }.joined(separator: " "), to: path)
            } catch let error as RuntimeError {
                throw explain(error, directory: directory, controllers: needed)
            }
        }
    }

    /// EBUSY from subtree_control is cgroup v2's no-internal-process rule; say so, and how to get out of it.
    static func explain(_ error: RuntimeError, directory: String, controllers: [String]) -> RuntimeError {
        guard error.kind == .system(errno: EBUSY) else { return error }
        return RuntimeError(error.kind, """
            cgroups: cannot enable \(controllers.joined(separator: " ")) in \(directory)/cgroup.subtree_control: \
            the cgroup has processes of its own, and cgroup v2 hands controllers down only from cgroups without \
            processes (EBUSY). isolab puts containers beside its own cgroup, so its parent must hold no processes: \
            run isolab from a login session, a systemd service or `systemd-run --scope`, or move the processes \
            of \(directory) into a child cgroup first
            """)
    }

    /// A cgroup namespace's root (isolab inside a container with its own cgroup namespace, as in dev
    /// containers and CI container jobs) is not the real root: with processes in it, nothing can be handed
    /// down. Docker-in-Docker's entrypoint moves them into `<root>/init` first; so does this, once, and only
    /// for the root of the mounted hierarchy. Returns whether any process was moved.
    static func evacuateNamespaceRoot(_ root: String) throws -> Bool {
        let procs = root + "/cgroup.procs"
        let target = root + "/init"
        var moved = false
        // Processes may fork while they are moved: repeat until the root is empty (bounded).
        for _ in 0..<20 {
            let pids = try CgroupFS.pids(inProcsFile: procs)
            if pids.isEmpty { return moved }
            try CgroupFS.makeDirectory(target)
            for pid in pids {
                do { try CgroupFS.write(String(pid), to: target + "/cgroup.procs") } catch let error as RuntimeError {
                    // ESRCH: it exited meanwhile.
                    if error.kind != .system(errno: ESRCH) { throw error }
                }
                moved = true
            }
        }
        throw RuntimeError(.system(errno: EBUSY), "cgroups: \(procs) still lists processes after moving them into \(target) 20 times")
    }

    func apply(_ limits: ResourceLimits, _ cpu: CgroupCPUBandwidth, _ directory: String) throws {
        if let cpuMax = cpu.cpuMax { try CgroupFS.write(cpuMax, to: directory + "/cpu.max") }
        if let weight = limits.cpuWeight { try CgroupFS.write(String(weight), to: directory + "/cpu.weight") }
        if !limits.cpusetCpus.isEmpty { try CgroupFS.write(limits.cpusetCpus, to: directory + "/cpuset.cpus") }
        if limits.memory > 0 { try CgroupFS.write(String(limits.memory), to: directory + "/memory.max") }
        // "max" is what a new cgroup has: written only where the file is (swap accounting on), so
        // that `update --memory-swap -1` can lift a limit.
        if let swap = limits.swapMax, swap != "max" || CgroupFS.exists(directory + "/memory.swap.max") {
            try CgroupFS.write(swap, to: directory + "/memory.swap.max")
        }
        if limits.pidsLimit > 0 { try CgroupFS.write(String(limits.pidsLimit), to: directory + "/pids.max") }
    }
}
