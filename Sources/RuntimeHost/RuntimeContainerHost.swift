import ContainerRuntime
import Foundation
import LabEngine

/// The lab engine's window on the runtime, for what a shell command cannot give it: used by
/// `isolab` and by `isolab-serve`, so it is a library of its own.
public struct RuntimeContainerHost: ContainerHost {
    /// isolab's executable, which a container's monitor runs to clean up after it.
    let isolabExecutable: String

    public init(isolabExecutable: String) { self.isolabExecutable = isolabExecutable }

    private func runtime(namespace: String? = nil) -> Runtime {
        var ctx = RuntimeContext.fromEnvironment()
        if let namespace { ctx.namespace = namespace }
        return Runtime(context: ctx, isolabExecutable: isolabExecutable)
    }

    public func prepareImages() throws {
        let rt = runtime()
        for name in Runtime.builtinImageNames { try rt.ensureBuiltinImage(name) }
    }

    public func cpuUsageNanos(container name: String, namespace: String) throws -> UInt64 {
        try runtime(namespace: namespace).cpuUsageNanos(of: name)
    }

    /// The path was checked by `CgroupMeasurePath` (relative components only) and cgroupfs has
    /// no symbolic links, so joined to a mount point it stays beneath it.
    public func cpuUsageNanos(cgroup path: String) throws -> UInt64 {
        let manager = try Cgroups.manager()
        let relative = "/" + path.split(separator: "/").joined(separator: "/")
        let placement: CgroupPlacement
        if let v2 = manager as? CgroupV2Manager {
            placement = CgroupPlacement(version: 2, directories: [v2.mountPoint + relative])
        } else if let v1 = manager as? CgroupV1Manager {
            placement = CgroupPlacement(version: 1, directories: v1.hierarchies.map { $0.mountPoint + relative })
        } else {
            throw RuntimeError(.failed, "cgroups: no manager for this host's cgroups")
        }
        return try manager.cpuUsageNanos(placement)
    }

    public func removeNamespace(_ namespace: String) throws {
        try runtime(namespace: namespace).removeNamespace()
    }

    public func cgroupDescription() -> String { Runtime.cgroupDescription() }

    public func busyboxImageOrigin() -> String? {
        (try? runtime().builtinOrigin("busybox")) ?? nil
    }
}
