import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension CgroupManager {
    /// Moves a running process into the container's cgroup(s). The container's own child joins itself
    /// (it writes "0" before exec); this is for processes started otherwise, such as test fixtures.
    public func attach(pid: Int32, to placement: CgroupPlacement) throws {
        for file in placement.procsFiles { try CgroupFS.write(String(pid), to: file) }
    }
}
