import Foundation
import ContainerRuntime

/// Named conditions for the tests that use the host's real cgroups.
enum CgroupTestConditions {
    static let isRoot = geteuid() == 0
    static let hostMode: CgroupMode? = try? Cgroups.host().mode
    static let isV1Host: Bool = { if case .v1 = hostMode { return true } else { return false } }()
    static let isV2Host = hostMode == .v2
    static let rootOnV1 = isRoot && isV1Host
    static let rootOnV2 = isRoot && isV2Host
    /// A hybrid host's own cgroup2 (/sys/fs/cgroup/unified here): real, but with no controllers.
    static let hybridUnifiedMount: String? = {
        guard hostMode == .v1(hybrid: true), let host = try? Cgroups.host() else { return nil }
        return host.mounts.first { $0.fsType == "cgroup2" }?.mountPoint
    }()
    static let rootOnHybrid = isRoot && hybridUnifiedMount != nil
}
