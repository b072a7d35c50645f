import Testing
@testable import ContainerRuntime

/// --cpu-shares: v1's cpu.shares as given, v2's cpu.weight by runc's conversion, Docker's clamp.
struct CgroupCPUSharesTests {
    private func limits(shares: Int64) -> ResourceLimits {
        var l = ResourceLimits()
        l.cpuShares = shares
        return l
    }

    @Test(arguments: [(2, 1), (1024, 39), (512, 20), (262_144, 10_000), (1, 1), (100_000, 3815)] as [(Int64, Int64)])
    func weightIsRuncsLinearMap(shares: Int64, weight: Int64) {
        #expect(limits(shares: shares).cpuWeight == weight)
    }

    @Test func zeroMeansUnsetAndAsksForNoController() {
        #expect(limits(shares: 0).cpuWeight == nil)
        #expect(limits(shares: 0).requiredControllers(CgroupCPUBandwidth(quota: nil, period: nil)).isEmpty)
        let needs = limits(shares: 512).requiredControllers(CgroupCPUBandwidth(quota: nil, period: nil))
        #expect(needs.map(\.controller) == ["cpu"] && needs.map(\.flag) == ["--cpu-shares"])
    }

    @Test(arguments: [(Int64(-5), Int64(2)), (Int64.min, Int64(2)), (Int64(0), Int64(0)), (Int64(1), Int64(1)), (Int64(2), Int64(2)), (Int64(262_144), Int64(262_144)), (Int64(262_145), Int64(262_144)), (Int64.max, Int64(262_144))] as [(Int64, Int64)])
    func dockerClampsToTheKernelsRange(given: Int64, kept: Int64) {
        var l = limits(shares: given)
        ConfigValidator(cpus: 2, availableCpuset: "0-1").adapt(&l, creating: true)
        #expect(l.cpuShares == kept)
    }
}
