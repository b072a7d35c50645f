import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Path arithmetic for cgroup directories (strings, as the kernel gives them; no symlinks involved).
enum CgroupPath {
    /// `mountPoint` + a hierarchy-relative path, without doubled or trailing slashes.
    static func join(_ base: String, _ relative: String) -> String {
        let parts = relative.split(separator: "/").map(String.init)
        let trimmedBase = base.count > 1 && base.hasSuffix("/") ? String(base.dropLast()) : base
        return parts.isEmpty ? trimmedBase : trimmedBase + "/" + parts.joined(separator: "/")
    }

    /// `path` relative to a mount's root: "/a/b" under root "/a" is "/b"; nil when outside it.
    static func relative(_ path: String, to root: String) -> String? {
        if root == "/" { return path }
        if path == root { return "/" }
        guard path.hasPrefix(root + "/") else { return nil }
        return String(path.dropFirst(root.count))
    }

    /// The parent of a hierarchy-relative path; the root is its own parent.
    static func parent(_ path: String) -> String {
        var parts = path.split(separator: "/")
        guard !parts.isEmpty else { return "/" }
        parts.removeLast()
        return "/" + parts.joined(separator: "/")
    }

    /// The directory containing an absolute path.
    static func dirname(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func basename(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? ""
    }

    /// A container ID becomes a directory name: it must be one plain path component.
    static func validate(containerID id: String) throws {
        guard !id.isEmpty, id != ".", id != "..", !id.contains("/"), !id.contains("\0") else {
            throw RuntimeError(.invalidArgument, "cgroups: container ID \"\(id)\" cannot name a cgroup directory")
        }
    }

    /// The name of the directory that holds every container's cgroup.
    static let parentName = "isolab"
}
