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
}
