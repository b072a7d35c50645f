import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// One member of a tar stream, independent of libarchive so that packers and tests can build them.
struct TarEntry {
    enum Kind { case regular, directory, symlink, hardlink, characterDevice, blockDevice, fifo }

    var path: String
    var kind: Kind
    var mode: UInt32 = 0o644          // permission bits, including setuid/setgid/sticky
    var uid: UInt32 = 0
    var gid: UInt32 = 0
    var mtime: Int = 0
    var mtimeNanoseconds: Int = 0
    var size: Int64 = 0
    var linkTarget: String = ""       // symlink target, or the member a hard link points at
    var deviceMajor: UInt32 = 0
    var deviceMinor: UInt32 = 0
    var xattrs: [(String, Data)] = []

    /// The entry for a file on disk as `lstat` saw it, named `path` inside the tar.
    static func from(stat st: stat, path: String, linkTarget: String = "", xattrs: [(String, Data)] = []) -> TarEntry? {
        let kind: Kind
        switch st.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        case S_IFCHR: kind = .characterDevice
        case S_IFBLK: kind = .blockDevice
        case S_IFIFO: kind = .fifo
        default: return nil    // sockets have no tar form; tar(1) skips them too
        }
        var e = TarEntry(path: path, kind: kind)
        e.mode = UInt32(st.st_mode & 0o7777)
        e.uid = st.st_uid
        e.gid = st.st_gid
        e.mtime = st.st_mtim.tv_sec
        e.mtimeNanoseconds = st.st_mtim.tv_nsec
        e.size = kind == .regular ? Int64(st.st_size) : 0
        e.linkTarget = linkTarget
        if kind == .characterDevice || kind == .blockDevice {
            // glibc's dev_t encoding (what major(3)/minor(3) decode; not exported to Swift).
            let d = UInt64(st.st_rdev)
            e.deviceMajor = UInt32(truncatingIfNeeded: ((d >> 8) & 0xfff) | ((d >> 32) & ~UInt64(0xfff)))
            e.deviceMinor = UInt32(truncatingIfNeeded: (d & 0xff) | ((d >> 12) & ~UInt64(0xff)))
        }
        e.xattrs = xattrs
        return e
    }
}
