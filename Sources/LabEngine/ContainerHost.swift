import Foundation

/// What the lab engine needs from the container runtime that a shell command cannot give it.
/// The `isolab` executable implements it over ContainerRuntime; tests use a fake.
public protocol ContainerHost: Sendable {
    /// Makes sure the built-in images (busybox, debian) exist. Runs before the first block.
    func prepareImages() throws
    /// Total CPU time (ns) used so far by container `name` in isolab namespace `namespace`,
    /// read from its cgroup. Throws when the container does not exist or is not running.
    func cpuUsageNanos(container name: String, namespace: String) throws -> UInt64
    /// Total CPU time (ns) used so far by the cgroup at `path`, relative to the cgroup root (on v1,
    /// the root of the hierarchy with cpuacct), already checked by `CgroupMeasurePath.problem`.
    func cpuUsageNanos(cgroup path: String) throws -> UInt64
    /// Removes every container (killing its processes) and the namespace itself.
    func removeNamespace(_ namespace: String) throws
    /// cgroup version of the host for reports, e.g. "v1 (hybrid)".
    func cgroupDescription() -> String
    /// Where the `busybox` image came from, for reports (upstream's default configuration, or
    /// Debian's busybox-static as a fallback); nil when it is not built.
    func busyboxImageOrigin() -> String?
}
