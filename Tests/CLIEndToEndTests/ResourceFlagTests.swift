import Foundation
import Testing

/// The resource flags added after the first release, through the real binary: what the kernel
/// file inside the container says, what inspect shows, and `update`.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct ResourceFlagTests {
    /// The container's CPU weight: v1's cpu.shares, else v2's cpu.weight.
    static let readShares = "sh -c 'for f in /sys/fs/cgroup/cpu/cpu.shares /sys/fs/cgroup/cpu,cpuacct/cpu.shares; do [ -f $f ] && exec echo shares $(cat $f); done; echo weight $(cat /sys/fs/cgroup/cpu.weight)'"

    @Test func cpuSharesReachTheKernelAndInspect() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let seen = try f.ok("docker run --rm --cpu-shares 512 busybox \(Self.readShares)")
        #expect(seen == "shares 512" || seen == "weight 20", "\(seen)")
        try f.ok("docker run -d --name weighted -c 2048 busybox sleep 3600")
        #expect(try f.ok("docker inspect -f '{{.HostConfig.CpuShares}}' weighted") == "2048")
        try f.ok("docker update --cpu-shares 256 weighted")
        let updated = try f.ok("docker exec weighted \(Self.readShares)")
        #expect(updated == "shares 256" || updated == "weight 10", "\(updated)")
        #expect(try f.ok("docker inspect -f '{{.HostConfig.CpuShares}}' weighted") == "256")
        // Docker clamps to the kernel's range, and shows what it kept.
        try f.ok("docker create --name big --cpu-shares 999999 busybox true")
        #expect(try f.ok("docker inspect -f '{{.HostConfig.CpuShares}}' big") == "262144")
        #expect(try f.ok("docker run -d --name plain busybox sleep 3600") != "")
        #expect(try f.ok("docker inspect -f '{{.HostConfig.CpuShares}}' plain") == "0")
        let bad = try f.sh("docker run --rm --cpu-shares lots busybox true")
        #expect(bad.status == 125 && bad.output.hasPrefix("invalid argument \"lots\" for \"-c, --cpu-shares\" flag: strconv.ParseInt: parsing \"lots\": invalid syntax\n\nUsage:  docker run"), "\(bad.output)")
        try f.ok("docker rm -f weighted big plain")
    }

    /// The container's swap limit: v1's memsw (memory + swap), else v2's swap.max (swap alone).
    static let readSwap = "sh -c 'f=/sys/fs/cgroup/memory/memory.memsw.limit_in_bytes; [ -f $f ] && exec echo memsw $(cat $f); f=/sys/fs/cgroup/memory.swap.max; [ -f $f ] && exec echo swap.max $(cat $f); echo none'"

    @Test func memorySwapIsMemoryPlusSwap() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let mib = 1 << 20
        // Equal to -m: no swap at all.
        let equal = try f.sh("docker run --rm -m 64m --memory-swap 64m busybox \(Self.readSwap)")
        #expect(equal.status == 0)
        #expect(["memsw \(64 * mib)\n", "swap.max 0\n"].contains(equal.output)
                || equal.output.hasPrefix("WARNING: Your kernel does not support swap limit capabilities"), "\(equal.output)")
        // -m alone allows as much swap again; -1 none at all.
        try f.ok("docker create --name twice -m 64m busybox true")
        try f.ok("docker create --name unlimited -m 64m --memory-swap -1 busybox true")
        try f.ok("docker create --name explicit -m 64m --memory-swap 96m busybox true")
        #expect(try f.ok("docker inspect -f '{{.HostConfig.MemorySwap}}' unlimited") == "-1")
        let twice = try f.ok("docker inspect -f '{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}}' twice")
        let explicit = try f.ok("docker inspect -f '{{.HostConfig.MemorySwap}}' explicit")
        // A host without swap accounting keeps no swap limit (-1), with Docker's warning.
        #expect(twice == "\(64 * mib) \(128 * mib)" || twice == "\(64 * mib) -1", "\(twice)")
        #expect(explicit == "\(96 * mib)" || explicit == "-1", "\(explicit)")
        try f.ok("docker rm twice unlimited explicit")
        // Docker's refusals, in its words.
        let daemon = "docker: Error response from daemon: "
        let low = try f.sh("docker run --rm -m 64m --memory-swap 32m busybox true")
        #expect((low.status == 125 && low.output.hasPrefix(daemon + "Minimum memoryswap limit should be larger than memory limit, see usage.\n"))
                || low.output.hasPrefix("WARNING: "), "no swap accounting: the swap limit is dropped, not judged; \(low.output)")
        let alone = try f.sh("docker run --rm --memory-swap 64m busybox true")
        #expect(alone.status == 125 && alone.output.hasPrefix(daemon + "You should always set the Memory limit when using Memoryswap limit, see usage.\n"), "\(alone.output)")
        let bad = try f.sh("docker run --rm -m 64m --memory-swap lots busybox true")
        #expect(bad.status == 125 && bad.output.hasPrefix("invalid argument \"lots\" for \"--memory-swap\" flag: invalid size: 'lots'"), "\(bad.output)")
        // update: a new swap limit, live.
        try f.ok("docker run -d --name live -m 64m busybox sleep 3600")
        let updated = try f.sh("docker update --memory-swap 80m live")
        #expect(updated.status == 0, "\(updated.output)")
        let seen = try f.ok("docker exec live \(Self.readSwap)")
        #expect(["memsw \(80 * mib)", "swap.max \(16 * mib)"].contains(seen) || updated.output.contains("WARNING: "), "\(seen)")
        try f.ok("docker rm -f live")
    }
}
