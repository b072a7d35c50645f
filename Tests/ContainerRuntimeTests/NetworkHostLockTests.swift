import Foundation
import Testing
@testable import ContainerRuntime

/// The host lock seen from another process, as a second `isolab run` would see it.
struct NetworkHostLockTests {
    static let flockTool = ["/usr/bin/flock", "/bin/flock"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// `flock -n PATH true`: 0 when it could take the lock, 1 when someone holds it.
    private static func tryLockElsewhere(_ path: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(flockTool))
        process.arguments = ["-n", path, "true"]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(.enabled(if: flockTool != nil, "needs util-linux flock"))
    func anotherProcessCannotTakeTheLockWhileItIsHeld() throws {
        let root = NSTemporaryDirectory() + "isolab-lock-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        // The parent directory does not exist yet: withLock makes it, as it makes /run/isolab.
        let lock = FileLock(path: root + "/network.lock")

        let whileHeld = try lock.withLock { try Self.tryLockElsewhere(lock.path) }
        #expect(whileHeld == 1)
        #expect(try Self.tryLockElsewhere(lock.path) == 0)
        #expect(FileManager.default.fileExists(atPath: lock.path))   // never deleted: see HostLock
    }

    @Test(.enabled(if: flockTool != nil, "needs util-linux flock"))
    func theLockIsReleasedWhenTheBodyThrows() throws {
        let root = NSTemporaryDirectory() + "isolab-lock-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let lock = FileLock(path: root + "/network.lock")
        #expect(throws: RuntimeError.self) {
            try lock.withLock { throw RuntimeError(.failed, "boom") }
        }
        #expect(try Self.tryLockElsewhere(lock.path) == 0)
    }
}
