import Testing
@testable import ContainerRuntime

/// ConfigValidator, the daemon's checks of a container's settings: moby's order and words,
/// before anything is made.
struct LimitChecksTests {
    private func refusal(_ change: (inout ResourceLimits) -> Void, cpus: Int = 2, cpuset: String = "0-1") -> String {
        var l = ResourceLimits()
        change(&l)
        do { try ConfigValidator(cpus: cpus, availableCpuset: cpuset).validate(l); return "accepted" } catch let e as ConfigValidationError {
            return e.reason
        } catch { return "\(error)" }
    }
    /// moby's reason; the CLI adds "docker: Error response from daemon: " (DockerCLI's tests).
    private func daemon(_ m: String) -> String { m }

    @Test func acceptedLimits() {
        #expect(refusal { _ in } == "accepted")
        #expect(refusal { $0.nanoCPUs = 10_000_000 } == "accepted")
        #expect(refusal { $0.nanoCPUs = 2_000_000_000 } == "accepted")
        #expect(refusal { $0.cpuQuota = -1; $0.cpuPeriod = 1000 } == "accepted")
        #expect(refusal { $0.cpuQuota = 1000; $0.cpuPeriod = 1_000_000 } == "accepted")
        #expect(refusal { $0.memory = 6 << 20; $0.cpusetCpus = "0,1" } == "accepted")
        #expect(refusal({ $0.cpusetCpus = "0-3" }, cpuset: "0-3") == "accepted")
    }

    @Test func cpusOutOfRangeNamesTheHostsCPUs() {
        let range = daemon("range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available")
        for nano: Int64 in [100_000, 9_999_999, -1_000_000_000, 2_000_000_001, Int64.max, Int64.min] {
            #expect(refusal { $0.nanoCPUs = nano } == range, "\(nano)")
        }
        #expect(refusal({ $0.nanoCPUs = 5_000_000_000 }, cpus: 4) == daemon("range of CPUs is from 0.01 to 4.00, as there are only 4 CPUs available"))
    }

    @Test func conflictsNameTheFlagThatConflicts() {
        #expect(refusal { $0.nanoCPUs = 500_000_000; $0.cpuQuota = 5000 } == daemon("Conflicting options: Nano CPUs and CPU Quota cannot both be set"))
        #expect(refusal { $0.nanoCPUs = 500_000_000; $0.cpuPeriod = 5000 } == daemon("Conflicting options: Nano CPUs and CPU Period cannot both be set"))
        #expect(refusal { $0.nanoCPUs = 500_000_000; $0.cpuQuota = 5000; $0.cpuPeriod = 5000 } == daemon("Conflicting options: Nano CPUs and CPU Period cannot both be set"))
    }

    @Test func periodQuotaAndMemoryBounds() {
        let period = daemon("CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)")
        for p: Int64 in [1, 999, 1_000_001, -1, Int64.max, Int64.min] { #expect(refusal { $0.cpuPeriod = p } == period, "\(p)") }
        #expect(refusal { $0.cpuQuota = 999 } == daemon("CPU cfs quota can not be less than 1ms (i.e. 1000)"))
        for m: Int64 in [1, 6 * 1024 * 1024 - 1, -1, Int64.min] {
            #expect(refusal { $0.memory = m } == daemon("Minimum memory limit allowed is 6MB"), "\(m)")
        }
    }

    @Test func cpusetMustBeWellFormedAndAvailable() {
        #expect(refusal { $0.cpusetCpus = "99" } == daemon("Requested CPUs are not available - requested 99, available: 0-1"))
        #expect(refusal { $0.cpusetCpus = "0-2" } == daemon("Requested CPUs are not available - requested 0-2, available: 0-1"))
        for bad in ["abc", "1-0", "-1", "0,", "0--1", "1-", "99999999999999999999999"] {
            #expect(refusal { $0.cpusetCpus = bad } == daemon("Invalid value \(bad) for cpuset cpus: invalid format: \(bad)"), "\(bad)")
        }
        #expect(refusal { $0.cpusetCpus = "0-9223372036854775807" } == daemon("Invalid value 0-9223372036854775807 for cpuset cpus: value of out range, maximum is 8192"))
    }

    @Test func cpusetListsParseAsTheKernelWritesThem() throws {
        #expect(try CpusetList.parse("0-2,5,7-7", maximum: 0) == [0, 1, 2, 5, 7])
        #expect(try CpusetList.parse("", maximum: 0) == [])
        #expect(try CpusetList.parse("03,1-3", maximum: 8192) == [1, 2, 3])
        #expect(throws: CpusetList.Invalid.self) { try CpusetList.parse("8193", maximum: 8192) }
    }

    private func refusal(_ change: (inout RunOptions) -> Void) -> String {
        var o = RunOptions(image: "busybox")
        change(&o)
        do { try ConfigValidator(cpus: 2, availableCpuset: "0-1").validate(o); return "accepted" } catch let e as ConfigValidationError {
            return e.reason + (e.isNotFound ? " (not found)" : "")
        } catch { return "\(error)" }
    }

    @Test func namespaceModesAndTheWorkingDirectory() {
        for ipc in ["", "private", "shareable", "host", "container:web"] { #expect(refusal { $0.ipcMode = ipc } == "accepted", "\(ipc)") }
        for pid in ["", "host", "container:web"] { #expect(refusal { $0.pidMode = pid } == "accepted", "\(pid)") }
        for net in ["bridge", "none", "host", "container:web", "mynet"] { #expect(refusal { $0.networkMode = net } == "accepted", "\(net)") }
        #expect(refusal { $0.ipcMode = "sharable" } == "invalid --ipc value: \"sharable\"")
        #expect(refusal { $0.pidMode = "private" } == "invalid --pid value: \"private\"")
        #expect(refusal { $0.networkMode = "" } == "network  not found (not found)")
        #expect(refusal { $0.workingDir = "tmp" } == "the working directory 'tmp' is invalid, it needs to be an absolute path")
        // The resources come last, with RunOptions' limits.
        #expect(refusal { $0.limits.memory = 1 } == "Minimum memory limit allowed is 6MB")
    }

    @Test func namespaceModesParseDockersText() {
        #expect(NamespaceMode("", kind: .ipc) == .private && NamespaceMode("shareable", kind: .ipc) == .shareable)
        #expect(NamespaceMode("container:db", kind: .pid) == .container("db") && NamespaceMode("host", kind: .net) == .host)
        #expect(NamespaceMode("mynet", kind: .net) == .private && NamespaceMode("shareable", kind: .pid) == nil)
        #expect(!NamespaceMode.private.isShareable && NamespaceMode.shareable.isShareable)
    }
}
