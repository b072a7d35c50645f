import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive flock on a file, held for the duration of a closure. flock locks belong to an
/// open file description, so two threads of one process exclude each other just as two processes
/// do. The file is never deleted: unlinking a lock file lets a later opener lock a different inode.
struct HostLock: Sendable {
    var path: String

    func withLock<T>(_ body: () throws -> T) throws -> T {
        let parent = (path as NSString).deletingLastPathComponent
        if mkdir(parent, 0o755) != 0 && errno != EEXIST { throw RuntimeError.errno("mkdir", parent) }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw RuntimeError.errno("open", path) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw RuntimeError.errno("flock", path) }
        }
        return try body()
    }
}
