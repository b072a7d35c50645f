import CRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// fork+exec through the C side (Swift never runs in a forked child).
enum SpawnedProcess {
    /// Returns the pid, or -errno.
    static func spawn(_ argv: [String], keepFD: Int32) -> pid_t {
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) }
        cargs.append(nil)
        defer { for p in cargs { free(p) } }
        return isolab_spawn(argv[0], cargs, keepFD)
    }
}
