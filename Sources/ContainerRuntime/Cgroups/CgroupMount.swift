import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A cgroup or cgroup2 filesystem mount, from one line of /proc/self/mountinfo.
public struct CgroupMount: Sendable, Equatable {
    public var mountPoint: String
    /// The directory of the hierarchy that is mounted there ("/" unless a subtree was bind-mounted).
    public var root: String
    /// "cgroup" (v1) or "cgroup2".
    public var fsType: String
    /// Per-superblock options; for v1 these include the controllers ("rw,cpu" or "rw,name=systemd").
    public var superOptions: [String]

    public init(mountPoint: String, root: String, fsType: String, superOptions: [String]) {
        self.mountPoint = mountPoint; self.root = root; self.fsType = fsType; self.superOptions = superOptions
    }

    /// Every cgroup/cgroup2 mount in mountinfo order. Lines look like
    /// `32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu`
    /// (ID, parent, dev, root, mount point, options, optional fields, "-", type, source, super options).
    public static func parse(mountinfo: String) -> [CgroupMount] {
        mountinfo.split(whereSeparator: \.isNewline).compactMap { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            // The optional fields vary in number, so the filesystem type is found after the "-".
            guard let dash = fields.firstIndex(of: "-"), dash >= 6, dash + 1 < fields.count else { return nil }
            let fsType = fields[dash + 1]
            guard fsType == "cgroup" || fsType == "cgroup2" else { return nil }
            let options = dash + 3 < fields.count ? fields[dash + 3].split(separator: ",").map(String.init) : []
            return CgroupMount(mountPoint: unescape(fields[4]), root: unescape(fields[3]),
                               fsType: fsType, superOptions: options)
        }
    }

    /// mountinfo writes space, tab, newline and backslash as octal escapes ("\040").
    static func unescape(_ field: String) -> String {
        guard field.contains("\\") else { return field }
        var bytes = [UInt8]()
        let utf8 = Array(field.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "\\"), i + 3 < utf8.count,
               let value = UInt8(String(decoding: utf8[(i + 1)...(i + 3)], as: UTF8.self), radix: 8) {
                bytes.append(value); i += 4
            } else {
                bytes.append(utf8[i]); i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
