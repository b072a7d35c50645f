import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// One line of /proc/<pid>/cgroup: `hierarchy-ID:controller-list:cgroup-path`.
/// v1 lines name their controllers ("4:memory:/process_api/b4f0…", "9:name=systemd:/");
/// the unified (v2) line has ID 0 and no controllers ("0::/user.slice").
public struct ProcCgroupEntry: Sendable, Equatable {
    public var hierarchyID: Int
    /// Controller names of a v1 hierarchy, including named ones such as "name=systemd"; empty for v2.
    public var controllers: [String]
    /// The cgroup's path relative to its hierarchy's root, starting with "/".
    public var path: String

    public init(hierarchyID: Int, controllers: [String], path: String) {
        self.hierarchyID = hierarchyID; self.controllers = controllers; self.path = path
    }

    /// True for the unified hierarchy's line ("0::/…").
    public var isUnified: Bool { hierarchyID == 0 && controllers.isEmpty }

    /// Parses the whole file. Malformed lines are an error: guessing a cgroup path could place a
    /// container outside the limits of the job running isolab.
    public static func parse(_ text: String) throws -> [ProcCgroupEntry] {
        try text.split(whereSeparator: \.isNewline).map { line in
            // The path itself may contain ':', so split only twice.
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let id = Int(parts[0]), parts[2].hasPrefix("/") else {
                throw RuntimeError(.failed, "parse /proc/self/cgroup: unexpected line \"\(line)\"")
            }
            let controllers = parts[1].split(separator: ",").map(String.init)
            return ProcCgroupEntry(hierarchyID: id, controllers: controllers, path: String(parts[2]))
        }
    }
}
