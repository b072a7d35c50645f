import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on a file: several isolab processes share one root (and one layer cache),
/// and every change to it happens under this lock. The kernel drops the lock when the holder dies,
/// so a SIGKILLed isolab never leaves the store locked.
struct StoreLock {
    let path: String

    /// Runs `body` holding the lock. Not re-entrant: callers take it once, at the public API.
    func withLock<T>(_ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw RuntimeError.errno("open", path) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw RuntimeError.errno("flock", path) }
        }
        return try body()
    }
}
