import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// glibc functions Swift's Glibc module hides (it is imported without _GNU_SOURCE), looked up
/// once by name. All have been in glibc for years (pipe2 2.9, addchdir_np 2.29, addclosefrom_np 2.34).
public enum GNUFunctions {
    private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    private static let pipe2Function: Pipe2? = symbol("pipe2")
    private static let addChdirFunction: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np")
    private static let addClosefromFunction: AddClosefrom? = symbol("posix_spawn_file_actions_addclosefrom_np")

    private static func symbol<T>(_ name: String) -> T? {
        guard let raw = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(raw, to: T.self)
    }

    /// pipe2(fds, flags); sets errno = ENOSYS when glibc lacks it.
    public static func pipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32 {
        guard let f = pipe2Function else { errno = ENOSYS; return -1 }
        return f(fds, flags)
    }

    /// posix_spawn_file_actions_addchdir_np; returns ENOSYS when glibc lacks it.
    public static func addChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: String) -> Int32 {
        guard let f = addChdirFunction else { return ENOSYS }
        return path.withCString { f(actions, $0) }
    }

    /// posix_spawn_file_actions_addclosefrom_np; returns ENOSYS when glibc lacks it.
    public static func addClosefrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ from: Int32) -> Int32 {
        guard let f = addClosefromFunction else { return ENOSYS }
        return f(actions, from)
    }
}
