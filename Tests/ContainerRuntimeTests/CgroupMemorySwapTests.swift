import Testing
@testable import ContainerRuntime

/// --memory-swap (memory + swap), as Docker and runc treat it.
struct CgroupMemorySwapTests {
    private func limits(memory: Int64 = 0, swap: Int64 = 0) -> ResourceLimits {
        var l = ResourceLimits()
        l.memory = memory; l.memorySwap = swap
        return l
    }
    private let mib: Int64 = 1 << 20

    @Test func v2SwapMaxIsTheSwapAlone() {
        #expect(limits(memory: 64 * mib, swap: 64 * mib).swapMax == "0", "equal: no swap at all")
        #expect(limits(memory: 64 * mib, swap: 128 * mib).swapMax == String(64 * mib))
        #expect(limits(memory: 64 * mib, swap: -1).swapMax == "max")
        #expect(limits(memory: 64 * mib).swapMax == nil)
        #expect(limits(memory: 64 * mib, swap: 32 * mib).swapMax == nil, "refused by the validator; never a negative file")
    }

    @Test func createDefaultsToTwiceTheMemoryWhereSwapCanBeLimited() {
        let validator = ConfigValidator(cpus: 2, availableCpuset: "0-1", swapLimit: true)
        var l = limits(memory: 64 * mib)
        #expect(validator.adapt(&l, creating: true) == [])
        #expect(l.memorySwap == 128 * mib)
        var update = limits(memory: 64 * mib)
        validator.adapt(&update, creating: false)
        #expect(update.memorySwap == 0, "update sets only what it is given")
        var none = limits()
        validator.adapt(&none, creating: true)
        #expect(none.memorySwap == 0)
    }

    @Test func aHostWithoutSwapAccountingWarnsAndDropsTheSwapLimit() {
        let validator = ConfigValidator(cpus: 2, availableCpuset: "0-1", swapLimit: false)
        for swap in [Int64(0), 64 * mib, 32 * mib] {
            var l = limits(memory: 64 * mib, swap: swap)
            #expect(throws: Never.self) { try validator.validate(l) }
            #expect(validator.adapt(&l, creating: true) == ["Your kernel does not support swap limit capabilities or the cgroup is not mounted. Memory limited without swap."])
            #expect(l.memorySwap == -1)
        }
        var unlimited = limits(memory: 64 * mib, swap: -1)
        #expect(validator.adapt(&unlimited, creating: true) == [])
    }

    @Test func dockersRefusals() {
        let validator = ConfigValidator(cpus: 2, availableCpuset: "0-1", swapLimit: true)
        func reason(_ l: ResourceLimits, update: Bool = false) -> String {
            do { try validator.validate(l, update: update); return "accepted" } catch let e as ConfigValidationError { return e.reason } catch { return "\(error)" }
        }
        #expect(reason(limits(memory: 64 * mib, swap: 32 * mib)) == "Minimum memoryswap limit should be larger than memory limit, see usage")
        #expect(reason(limits(swap: 64 * mib)) == "You should always set the Memory limit when using Memoryswap limit, see usage")
        #expect(reason(limits(swap: 64 * mib), update: true) == "accepted")
        for ok in [limits(memory: 64 * mib, swap: 64 * mib), limits(memory: 64 * mib, swap: -1), limits(swap: -1)] {
            #expect(reason(ok) == "accepted")
        }
    }

    @Test func updateAboveTheSwapLimitInForceNeedsANewSwapLimit() {
        let validator = ConfigValidator(cpus: 2, availableCpuset: "0-1", swapLimit: true)
        let made = limits(memory: 64 * mib, swap: 128 * mib)
        func reason(_ new: ResourceLimits) -> String {
            do { try validator.validate(update: made, to: new, containerID: "c0ffee"); return "accepted" } catch let e as ConfigValidationError { return e.reason } catch { return "\(error)" }
        }
        #expect(reason(limits(memory: 256 * mib, swap: 128 * mib)) == "Cannot update container c0ffee: Conflicting options: Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time")
        #expect(reason(limits(memory: 96 * mib, swap: 128 * mib)) == "accepted")
        #expect(reason(limits(memory: 256 * mib, swap: 512 * mib)) == "accepted")
        #expect(reason(limits(memory: 256 * mib, swap: 200 * mib)) == "Minimum memoryswap limit should be larger than memory limit, see usage")
    }
}
