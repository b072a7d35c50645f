import CRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Resolves `-u` (`name`, `uid`, `uid:gid`, `name:group`) against the image's /etc/passwd and
/// /etc/group, read from its layers (top first), as Docker does inside the container.
///
/// Each layer is opened as a directory and the file is resolved inside it with openat2
/// (`RESOLVE_IN_ROOT`): an image whose /etc/passwd is a symlink to `/etc/passwd`, or to
/// `../../../etc/passwd`, reads its own file, never the host's. A symlink in an upper layer to a
/// file that only a lower layer has is not followed across layers: the lookup goes on in the
/// lower layer by the same name.
struct UserResolver {
    let lowerDirs: [String]

    /// No image needs a larger passwd or group file; a bigger one is refused rather than read.
    static let fileLimit = 4 << 20

    struct User { var uid: UInt32; var gid: UInt32; var additionalGids: [UInt32]; var home: String }

    /// runc's range: (uid_t)-1 means "no change" to setresuid, so 4294967295 would leave the process root.
    static let maxID = UInt32(Int32.max)

    /// A uid or gid in runc's range, nil for anything else (not a number, or out of range).
    private func id(_ text: String) -> UInt32? {
        guard let n = UInt32(text), n <= UserResolver.maxID else { return nil }
        return n
    }

    func resolve(_ spec: String) throws -> User {
        let parts = (spec.isEmpty ? "0" : spec).split(separator: ":", maxSplits: 1).map(String.init)
        for part in parts where part.allSatisfy(\.isASCII) && !part.isEmpty && part.allSatisfy(\.isNumber) && id(part) == nil {
            throw RuntimeError.refused(.invalidArgument, "uids and gids must be in range 0-\(UserResolver.maxID).", operation: "resolve user")
        }
        let passwd = try file("etc/passwd").map { parse($0) } ?? []
        let groups = try file("etc/group").map { parse($0) } ?? []
        var uid: UInt32, gid: UInt32, home = "/"
        var userName: String? = nil
        if let n = id(parts[0]) {
            uid = n
            let entry = passwd.first { $0.count > 3 && id($0[2]) == n }
            gid = entry.flatMap { id($0[3]) } ?? 0
            if let e = entry { home = e.count > 5 ? e[5] : "/"; userName = e[0] }
        } else {
            guard let entry = passwd.first(where: { $0.first == parts[0] && $0.count > 3 }),
                  let u = id(entry[2]), let g = id(entry[3]) else {
                throw RuntimeError.refused(.invalidArgument, "unable to find user \(parts[0]): no matching entries in passwd file.", operation: "resolve user")
            }
            uid = u; gid = g; home = entry.count > 5 ? entry[5] : "/"; userName = parts[0]
        }
        if parts.count == 2 {
            if let g = id(parts[1]) { gid = g } else {
                guard let entry = groups.first(where: { $0.first == parts[1] && $0.count > 2 }), let g = id(entry[2]) else {
                    throw RuntimeError.refused(.invalidArgument, "unable to find group \(parts[1]): no matching entries in group file.", operation: "resolve user")
                }
                gid = g
            }
        }
        // Like runc, the primary group is also a supplementary one, then the user's memberships.
        var extra: [UInt32] = [gid]
        if let name = userName {
            for g in groups where g.count > 3 && g[3].split(separator: ",").contains(Substring(name)) {
                if let n = id(g[2]), n != gid { extra.append(n) }
            }
        }
        if uid == 0 && home == "/" { home = "/root" }
        return User(uid: uid, gid: gid, additionalGids: extra, home: home)
    }

    /// The file's text from the topmost layer that has it; nil when none does or a whiteout hides it.
    private func file(_ rel: String) throws -> String? {
        for dir in lowerDirs {
            let root: ImageFD
            do { root = try ImageFD.directory(dir) } catch let e as RuntimeError {
                // A container that never started has no upper dir yet.
                if case .system(let code) = e.kind, code == ENOENT { continue }
                throw e
            }
            guard let probe = try root.openIfExists(rel, ISOLAB_O_PATH) else { continue }
            let st = try probe.stat()
            if (st.st_mode & S_IFMT) == S_IFCHR && st.st_rdev == 0 { return nil }    // deleted in this layer
            let data = try root.openRegularFile(rel).readAll(limit: UserResolver.fileLimit)
            return String(decoding: data, as: UTF8.self)
        }
        return nil
    }

    private func parse(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: ":", omittingEmptySubsequences: false).map(String.init) }
    }
}
