import CLibcap
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension Capabilities {
    /// The effective set as /proc/<pid>/status prints `CapEff` ("00000000a80425fb" for Docker's defaults).
    /// Computed by libcap from `libcapText` (cap_from_text, then cap_get_flag per number), so it also
    /// proves that the text round-trips.
    public func hexMask() throws -> String {
        guard let caps = cap_from_text(libcapText) else { throw RuntimeError.errno("cap_from_text", libcapText) }
        defer { cap_free(UnsafeMutableRawPointer(caps)) }
        var mask: UInt64 = 0
        for value in cap_value_t(0)..<64 {
            var flag = CAP_CLEAR
            // libcap refuses numbers past the ones it can store; those cannot be set either.
            guard cap_get_flag(caps, value, CAP_EFFECTIVE, &flag) == 0 else { continue }
            if flag == CAP_SET { mask |= UInt64(1) << UInt64(value) }
        }
        return CFormat.string("%016llx", mask)
    }

    /// Splits the set by this process's bounding set (libcap's cap_get_bound): a process cannot give a
    /// capability it cannot have, so `--privileged` under a restricted isolab (here CAP_SYS_RESOURCE is
    /// missing) must either warn about `unavailable` or fail; the caller decides.
    public func splitByCurrentBoundingSet() throws -> (available: Capabilities, unavailable: [String]) {
        var available: [cap_value_t] = []
        var unavailable: [String] = []
        for (name, value) in zip(names, try values) {
            switch cap_get_bound(value) {
            case 1: available.append(value)
            case 0: unavailable.append(name)
            default: throw RuntimeError.errno("cap_get_bound", name)
            }
        }
        return (Capabilities(values: available), unavailable)
    }
}
