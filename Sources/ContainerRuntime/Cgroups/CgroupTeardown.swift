import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Removing a container's cgroup directories, shared by both implementations: kill every process
/// until the cgroups are empty, rmdir each (retrying while the kernel releases them), then the
/// shared `isolab` parent if it was the last.
enum CgroupTeardown {
    static func run(directories: [String], timeout: TimeInterval = 2) throws {
        // The directories come from a state file: refuse anything that is not `…/isolab/<id>`, so that a
        // damaged record can never make us kill every process of a hierarchy's root.
        for directory in directories {
            let parent = CgroupPath.dirname(directory)
            guard CgroupPath.basename(parent) == CgroupPath.parentName,
                  (try? CgroupPath.validate(containerID: CgroupPath.basename(directory))) != nil else {
                throw RuntimeError(.invalidArgument, "cgroups: refusing to remove \(directory): not a container cgroup (…/\(CgroupPath.parentName)/<id>)")
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while try !killAll(directories), Date() < deadline {
            usleep(5_000)
        }
        var firstError: Error?
        for directory in directories {
            do {
                try CgroupFS.removeDirectory(directory, timeout: max(0.1, deadline.timeIntervalSinceNow)) {
                    _ = try killAll([directory])
                }
            } catch {
                firstError = firstError ?? error
            }
        }
        var parents: [String] = []
        for directory in directories where !parents.contains(CgroupPath.dirname(directory)) {
            parents.append(CgroupPath.dirname(directory))
        }
        for parent in parents {
            do { try CgroupFS.removeIfEmpty(parent) } catch { firstError = firstError ?? error }
        }
        if let firstError { throw firstError }
    }

    /// One round of killing; true when no directory lists a process any more.
    static func killAll(_ directories: [String]) throws -> Bool {
        var empty = true
        for directory in directories {
            // cgroup.kill (v2, Linux 5.14+) kills the whole subtree atomically, forks included.
            let killFile = directory + "/cgroup.kill"
            if CgroupFS.exists(killFile) { try CgroupFS.write("1", to: killFile) }
            let pids = try CgroupFS.pids(inProcsFile: directory + "/cgroup.procs")
            if !pids.isEmpty {
                empty = false
                CgroupFS.kill(pids)
            }
        }
        return empty
    }
}
