import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive flock(2) on a file, held for the duration of a closure: the one lock of the
/// runtime (image store, name claims, the host-wide address allocator). flock locks belong to
/// an open file description, so two threads of one process exclude each other as two processes
/// do, and the kernel drops the lock when its holder dies: a SIGKILLed isolab never leaves
/// anything locked. Not re-entrant: callers take it once, at the public API.
public struct FileLock: Sendable {
    public var path: String
    public init(path: String) { self.path = path }

    public func withLock<T>(_ body: () throws -> T) throws -> T {
        let dir = PathName.parent(path)
        try ContainerStore.makeDirectory(dir)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw RuntimeError.errno("open lock", path) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw RuntimeError.errno("flock", path) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
