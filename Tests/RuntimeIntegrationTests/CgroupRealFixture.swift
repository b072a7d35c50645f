import Foundation
import ContainerRuntime

/// Real cgroups and processes for one test, undone last-in, first-out when the test lets go of it
/// (also after a failed expectation or a thrown error).
final class CgroupRealFixture {
    let manager: CgroupManager
    /// A fresh ID per fixture, so parallel tests (and other work on the host) never share a cgroup.
    let containerID = "cgtest-" + UUID().uuidString.prefix(8).lowercased()
    private var cleanups: [() -> Void] = []

    /// The host's detected manager unless the test brings another.
    init(manager: CgroupManager? = nil) throws { self.manager = try manager ?? Cgroups.manager() }

    deinit {
        for cleanup in cleanups.reversed() { cleanup() }
    }

    /// Creates the cgroup; destroyed at the end unless the test already did.
    func create(_ limits: ResourceLimits = ResourceLimits()) throws -> CgroupPlacement {
        let placement = try manager.create(containerID: containerID, limits: limits)
        let manager = self.manager
        cleanups.append { try? manager.destroy(placement) }
        return placement
    }

    /// Starts a process (stdin, stdout and stderr as pipes); killed and reaped at the end.
    func spawn(_ executable: String, _ arguments: [String]) throws -> (process: Process, stdin: Pipe, stderr: Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        try process.run()
        cleanups.append {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        return (process, stdin, stderr)
    }

    /// Polls `condition` until it holds or `timeout` passes (a bound on waiting, not a speed check).
    func eventually(timeout: TimeInterval = 10, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            usleep(20_000)
        }
        return try condition()
    }
}
