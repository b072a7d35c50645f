import ContainerRuntime
import DockerCLI
import Foundation
import LabEngine

/// The lab engine's window on the runtime, for what a shell command cannot give it.
struct RuntimeContainerHost: ContainerHost {
    func prepareImages() throws {
        let images = ImageStore(root: RuntimeContext.fromEnvironment().root)
        for name in ImageStore.builtinNames { try images.ensureBuiltin(name) }
    }

    func cpuUsageNanos(container name: String, namespace: String) throws -> UInt64 {
        var ctx = RuntimeContext.fromEnvironment()
        ctx.namespace = namespace
        let c = try ContainerStore(context: ctx).find(name)
        guard c.isRunning, let cg = c.run?.cgroup else {
            throw RuntimeError(.conflict, "container \(name) is not running")
        }
        return try Cgroups.manager().cpuUsageNanos(cg)
    }

    func removeNamespace(_ namespace: String) throws {
        var ctx = RuntimeContext.fromEnvironment()
        ctx.namespace = namespace
        try Runtime(context: ctx, isolabExecutable: IsolabMain.executablePath()).removeNamespace()
    }

    func cgroupDescription() -> String { Cgroups.describeHost() }

    func busyboxImageOrigin() -> String? {
        (try? ImageStore(root: RuntimeContext.fromEnvironment().root).builtinOrigin("busybox")) ?? nil
    }
}
