import Testing
@testable import ContainerRuntime

/// Parsing /proc/self/mountinfo and /proc/self/cgroup, on the literal text of this machine and of a v2 host.
struct CgroupHostParsingTests {
    static let thisMachineCgroup = """
        9:name=systemd:/
        8:pids:/
        7:blkio:/
        6:freezer:/
        5:devices:/
        4:memory:/process_api/b4f0bf85a96463a4da8f2f2dc3aecf73
        3:cpuset:/
        2:cpuacct:/
        1:cpu:/
        0::/

        """

    static let thisMachineMountinfo = """
        23 1 0:21 / / rw,relatime - ext4 /dev/vda rw
        31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
        32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
        33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
        34 31 0:31 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset
        35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
        36 31 0:33 / /sys/fs/cgroup/devices rw,relatime - cgroup cgroup rw,devices
        37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer
        38 31 0:35 / /sys/fs/cgroup/blkio rw,relatime - cgroup cgroup rw,blkio
        39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
        40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
        41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
        """

    static let v2Mountinfo = """
        22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
        35 24 0:30 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
        """

    @Test func parsesThisMachinesProcSelfCgroup() throws {
        let entries = try ProcCgroupEntry.parse(Self.thisMachineCgroup)
        #expect(entries.count == 10)
        #expect(entries[0] == ProcCgroupEntry(hierarchyID: 9, controllers: ["name=systemd"], path: "/"))
        #expect(entries[5] == ProcCgroupEntry(hierarchyID: 4, controllers: ["memory"], path: "/process_api/b4f0bf85a96463a4da8f2f2dc3aecf73"))
        #expect(entries[9].isUnified && entries[9].path == "/")
    }

    @Test func joinedControllersAndColonsInPaths() throws {
        let entries = try ProcCgroupEntry.parse("4:cpu,cpuacct:/a:b\n0::/user.slice/x.scope\n")
        #expect(entries[0].controllers == ["cpu", "cpuacct"])
        #expect(entries[0].path == "/a:b")
    }

    @Test func malformedProcSelfCgroupIsAnError() {
        #expect(throws: RuntimeError.self) { try ProcCgroupEntry.parse("garbage\n") }
    }

    @Test func thisMachineIsV1Hybrid() {
        let host = CgroupHost(mountinfo: Self.thisMachineMountinfo, procSelfCgroup: Self.thisMachineCgroup)
        #expect(host.mode == .v1(hybrid: true))
        #expect(host.mode.description == "v1 (hybrid)")
        #expect(host.mounts.count == 10)
    }

    @Test func v1WithoutCgroup2IsPlainV1() {
        let mountinfo = Self.thisMachineMountinfo.split(separator: "\n").filter { !$0.contains("cgroup2") }.joined(separator: "\n")
        #expect(CgroupMode.detect(CgroupMount.parse(mountinfo: mountinfo)).description == "v1")
    }

    @Test func unifiedAtSysFsCgroupIsV2() throws {
        let host = CgroupHost(mountinfo: Self.v2Mountinfo, procSelfCgroup: "0::/user.slice/user-0.slice/session-3.scope\n")
        #expect(host.mode == .v2)
        #expect(host.mode.description == "v2")
        let manager = try #require(try host.makeManager() as? CgroupV2Manager)
        #expect(manager.ownPath == "/user.slice/user-0.slice/session-3.scope")
        #expect(manager.containersDirectory == "/sys/fs/cgroup/user.slice/user-0.slice/isolab")
    }

    @Test func optionalFieldsAndEscapedMountPoints() {
        let mounts = CgroupMount.parse(mountinfo: #"50 31 0:40 /sub /mnt/my\040cgroups rw shared:3 master:1 - cgroup cgroup rw,cpu,cpuacct"#)
        #expect(mounts == [CgroupMount(mountPoint: "/mnt/my cgroups", root: "/sub", fsType: "cgroup", superOptions: ["rw", "cpu", "cpuacct"])])
    }

    /// The container's directory in every v1 hierarchy, under isolab's own cgroup there (memory is nested).
    @Test func v1DirectoriesOnThisMachine() throws {
        let host = CgroupHost(mountinfo: Self.thisMachineMountinfo, procSelfCgroup: Self.thisMachineCgroup)
        let manager = try #require(try host.makeManager() as? CgroupV1Manager)
        #expect(try manager.directories(for: "c0ffee") == [
            "/sys/fs/cgroup/cpu/isolab/c0ffee",
            "/sys/fs/cgroup/cpuacct/isolab/c0ffee",
            "/sys/fs/cgroup/cpuset/isolab/c0ffee",
            "/sys/fs/cgroup/memory/process_api/b4f0bf85a96463a4da8f2f2dc3aecf73/isolab/c0ffee",
            "/sys/fs/cgroup/devices/isolab/c0ffee",
            "/sys/fs/cgroup/freezer/isolab/c0ffee",
            "/sys/fs/cgroup/blkio/isolab/c0ffee",
            "/sys/fs/cgroup/pids/isolab/c0ffee",
            "/sys/fs/cgroup/systemd/isolab/c0ffee",
        ])
    }

    @Test func v1BindMountedSubtreeIsRelativeToItsRoot() throws {
        let mounts = CgroupMount.parse(mountinfo: "50 31 0:40 /docker/abc /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory")
        let manager = try CgroupV1Manager(mounts: mounts, procSelfCgroup: "4:memory:/docker/abc/inner\n")
        #expect(try manager.directories(for: "x") == ["/sys/fs/cgroup/memory/inner/isolab/x"])
    }

    @Test func hierarchyMountedTwiceIsUsedOnce() throws {
        let mounts = CgroupMount.parse(mountinfo: """
            32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct
            33 31 0:29 / /mnt/again rw - cgroup cgroup rw,cpu,cpuacct
            """)
        let manager = try CgroupV1Manager(mounts: mounts, procSelfCgroup: "2:cpu,cpuacct:/a\n")
        #expect(try manager.directories(for: "x") == ["/sys/fs/cgroup/cpu,cpuacct/a/isolab/x"])
    }

    @Test(arguments: ["", ".", "..", "a/b", "../../etc"])
    func containerIDMustBeOneComponent(id: String) throws {
        let manager = try CgroupV1Manager(mounts: CgroupMount.parse(mountinfo: Self.thisMachineMountinfo),
                                          procSelfCgroup: Self.thisMachineCgroup)
        let error = try #require(throws: RuntimeError.self) { try manager.directories(for: id) }
        #expect(error.kind == .invalidArgument)
    }

    @Test func v2NextToIsolabsCgroupAndAtTheRoot() {
        #expect(CgroupV2Manager(mountPoint: "/sys/fs/cgroup", ownPath: "/a/b").containersDirectory == "/sys/fs/cgroup/a/isolab")
        #expect(CgroupV2Manager(mountPoint: "/sys/fs/cgroup", ownPath: "/a").containersDirectory == "/sys/fs/cgroup/isolab")
        #expect(CgroupV2Manager(mountPoint: "/sys/fs/cgroup", ownPath: "/").containersDirectory == "/sys/fs/cgroup/isolab")
    }
}
