import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The processes running in a container (`docker top`).
extension Runtime {
    /// The processes of the container `ref` names, as `ps` with `psOptions` (default `-ef`)
    /// shows them: the processes of its cgroup, or its init alone when the cgroup cannot be read.
    public func processes(of ref: String, psOptions: [String]) throws -> ProcessTable {
        let c = try store.find(ref)
        guard c.isRunning, let run = c.run else {
            throw RuntimeError.refused(.notRunning, "container \(c.id) is not running", operation: "top", reference: ref)
        }
        var pids: Set<Int32> = [run.pid]
        if let cg = run.cgroup, let listed = try? Cgroups.manager().pids(cg), !listed.isEmpty { pids = Set(listed) }
        let (status, out, err) = try ProcessTable.ps(psOptions.isEmpty ? ["-ef"] : psOptions)
        guard status == 0 else {
            let stderr = err.trimmingWhitespace()
            throw RuntimeError.refused(.failed, "ps: exit status \(status): \(stderr)", operation: "top", reference: ref, cause: stderr)
        }
        return try ProcessTable.parse(out, pids: pids)
    }
}
