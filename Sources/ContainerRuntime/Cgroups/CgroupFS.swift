import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The few file operations a cgroup filesystem needs, each failing with the operation, the path and errno.
/// Writes never create files: on cgroupfs the kernel makes a controller's files at mkdir, so a missing file
/// means the controller is missing, which must be an error rather than a new regular file.
enum CgroupFS {
    /// Writes `value` in one write(2), as cgroupfs expects one value per write.
    static func write(_ value: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else { throw RuntimeError.errno("open", path) }
        defer { close(fd) }
        try FileIO.writeAll(fd, Data(value.utf8), path: path, operation: "write \"\(value)\" to")
    }

    /// The whole file as text.
    static func read(_ path: String) throws -> String {
        String(decoding: try FileIO.read(path), as: UTF8.self)
    }

    /// The file's content without surrounding whitespace.
    static func readTrimmed(_ path: String) throws -> String {
        try read(path).trimmingWhitespace()
    }

    /// A decimal counter file such as `memory.current`.
    static func readUInt64(_ path: String) throws -> UInt64 {
        let text = try readTrimmed(path)
        guard let value = UInt64(text) else {
            throw RuntimeError(.failed, "read \(path): expected a number, found \"\(text)\"")
        }
        return value
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// mkdir that accepts an existing directory: a container's cgroup may survive a crash and be reused.
    /// Returns whether this call made it, so that a failed create removes only what it made.
    @discardableResult
    static func makeDirectory(_ path: String) throws -> Bool {
        if mkdir(path, 0o755) == 0 { return true }
        let code = errno
        if code == EEXIST { return false }
        throw RuntimeError.errno("mkdir", path, code)
    }

    /// Makes the shared `isolab` parent, then the container's `leaf` in it, calling `configure` on each.
    /// Another container's destroy removes the parent when it looks empty, which can happen at any point
    /// until the leaf exists; an ENOENT (or ENODEV, a file of a directory being removed) before then
    /// means "start over", a few times.
    static func makeParentAndLeaf(_ leaf: String, configure: (String) throws -> Void) throws {
        let parent = CgroupPath.dirname(leaf)
        let attempts = 10
        for attempt in 1...attempts {
            do {
                try makeDirectory(parent)
                try configure(parent)
                try makeDirectory(leaf)
            } catch let error as RuntimeError
                        where (error.kind == .system(errno: ENOENT) || error.kind == .system(errno: ENODEV)) && attempt < attempts {
                continue
            }
            try configure(leaf)
            return
        }
    }

    /// The pids listed in a `cgroup.procs`; a missing directory (already removed) has none.
    static func pids(inProcsFile path: String) throws -> [Int32] {
        let text: String
        do { text = try read(path) } catch let error as RuntimeError {
            if case .system(errno: ENOENT) = error.kind { return [] }
            throw error
        }
        return text.split(whereSeparator: \.isNewline).compactMap { Int32($0.trimmingSpaces()) }
    }

    /// Sends SIGKILL to each pid, except this process; a pid that is already gone is not an error.
    static func kill(_ pids: [Int32]) {
        let me = getpid()
        for pid in pids where pid != me && pid > 0 {
            // ESRCH: it exited between reading cgroup.procs and now, which is what we want anyway.
            _ = Glibc.kill(pid, SIGKILL)
        }
    }

    /// rmdir that retries while the kernel still holds the cgroup (EBUSY: tasks not yet released),
    /// calling `beforeRetry` (which kills stragglers) between tries. A missing directory counts as removed.
    static func removeDirectory(_ path: String, timeout: TimeInterval = 2, beforeRetry: () throws -> Void) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if rmdir(path) == 0 { return }
            let code = errno
            if code == ENOENT { return }
            guard code == EBUSY, Date() < deadline else { throw RuntimeError.errno("rmdir", path, code) }
            try beforeRetry()
            usleep(10_000)
        }
    }

    /// Removes the shared `isolab` parent if this was its last container; another container
    /// appearing or still there (ENOTEMPTY, EBUSY), or another destroy having removed it, is not an error.
    static func removeIfEmpty(_ path: String) throws {
        if rmdir(path) == 0 { return }
        let code = errno
        if code == ENOTEMPTY || code == EBUSY || code == ENOENT || code == EEXIST { return }
        throw RuntimeError.errno("rmdir", path, code)
    }
}
