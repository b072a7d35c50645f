import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive flock(2) on a file, held for the duration of `body`.
public enum FileLock {
    public static func withLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let dir = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw RuntimeError.errno("open lock", path) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw RuntimeError.errno("lock", path) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
