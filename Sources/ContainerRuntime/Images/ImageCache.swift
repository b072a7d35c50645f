import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Where the slow built-in image inputs (the debian rootfs tarball, the compiled busybox) are
/// kept between roots: /var/cache/isolab, or ISOLAB_CACHE_DIR. Each is named by its recipe and
/// version, appears by rename only when complete, and is made under its own lock.
enum ImageCache {
    static var directory: String {
        let env = ProcessInfo.processInfo.environment["ISOLAB_CACHE_DIR"] ?? ""
        return env.isEmpty ? "/var/cache/isolab" : env
    }

    /// Removes what a killed build of `prefix` left (`tmp-<prefix>-*`). Call under that build's
    /// lock only, so a build of the other image in progress keeps its own work folder.
    static func removeLeftovers(of prefix: String, in dir: String) throws {
        for name in try ImageFiles.listDirectory(dir) where name.hasPrefix("tmp-\(prefix)-") {
            try ImageFiles.removeTree(dir + "/" + name)
        }
    }
}
