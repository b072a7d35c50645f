import Testing
@testable import ContainerRuntime

struct CgroupCPUBandwidthTests {
    private func limits(nano: Int64 = 0, quota: Int64 = 0, period: Int64 = 0) -> ResourceLimits {
        var limits = ResourceLimits()
        limits.nanoCPUs = nano; limits.cpuQuota = quota; limits.cpuPeriod = period
        return limits
    }

    @Test(arguments: [(Int64(500_000_000), Int64(50_000)), (1_500_000_000, 150_000), (10_000_000, 1_000), (2_000_000_000, 200_000)])
    func cpusIsAQuotaOverTheDefaultPeriod(nano: Int64, quota: Int64) throws {
        let bandwidth = CgroupCPUBandwidth(limits(nano: nano))
        #expect(bandwidth == CgroupCPUBandwidth(quota: quota, period: 100_000))
        #expect(bandwidth.cpuMax == "\(quota) 100000")
    }

    @Test func quotaAndPeriodAsGiven() throws {
        #expect(CgroupCPUBandwidth(limits(quota: 25_000, period: 50_000)).cpuMax == "25000 50000")
        #expect(CgroupCPUBandwidth(limits(quota: 30_000)).cpuMax == "30000 100000")
        #expect(CgroupCPUBandwidth(limits(period: 20_000)).cpuMax == "max 20000")
        #expect(CgroupCPUBandwidth(limits(quota: -1)).cpuMax == nil)
        #expect(CgroupCPUBandwidth(limits()).isEmpty)
    }

    @Test func cpusWinsOverAQuotaTheValidatorWouldHaveRefused() {
        // ConfigValidator refuses the pair with Docker's words (LimitChecksTests); were it let
        // through, --cpus alone decides.
        #expect(CgroupCPUBandwidth(limits(nano: 500_000_000, quota: 1000, period: 1000)) == CgroupCPUBandwidth(quota: 50_000, period: 100_000))
    }
}
