import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension FileIO {
    /// A new file with `data`, made in one step (O_EXCL, no symlink followed), for a directory
    /// nobody reads yet: a container's files written before its config.json exists. Without the
    /// temporary file and rename of `AtomicFile` it is one journal update instead of two.
    static func create(_ data: Data, at path: String, mode: mode_t = 0o644) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw RuntimeError.errno("create", path) }
        defer { close(fd) }
        do { try writeAll(fd, data, path: path) } catch {
            unlink(path)
            throw error
        }
    }
}
