import Foundation
import Testing
@testable import ContainerRuntime
#if canImport(Glibc)
import Glibc
#endif

/// Owns what a network test creates (sleepers in namespaces of their own, attachments) and
/// removes it last-in, first-out in `tearDown`, which tests call from `defer` so that it runs on
/// failure too.
final class NetworkTestFixture {
    /// A bridge, subnet and state directory that no real container uses, so these tests neither
    /// see nor disturb containers that other isolab runs have attached at the same time.
    let configuration: NetworkConfiguration
    let manager: NetworkManager
    private var cleanups: [(String, () throws -> Void)] = []
    private var sleepers: [Int32: Process] = [:]

    init(bridge: String = "isltest0", subnet: String = "10.214.0.0/16") throws {
        configuration = NetworkConfiguration(bridgeName: bridge, subnet: try #require(IPv4Subnet(subnet)),
                                             lockPath: "/run/isolab/network-test.lock",
                                             stateDirectory: "/run/isolab/network-test")
        manager = NetworkManager(configuration: configuration)
    }

    /// The real network (isolab0), shared with any container running on this host.
    init(standard: Void) {
        configuration = .standard
        manager = NetworkManager()
    }

    /// Runs every clean-up, newest first; one that fails is recorded as a test issue and the rest still run.
    func tearDown() {
        while let (what, step) = cleanups.popLast() {
            do { try step() } catch { Issue.record("clean-up \(what) failed: \(error)") }
        }
    }

    /// Starts `unshare --net sleep 600` and returns its pid once it is in its new network namespace.
    /// Long enough to outlive any test, however slow the host (a TCG guest under load takes minutes over
    /// what takes seconds here); `tearDown` kills it.
    func startSleeper() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(NetworkTestConditions.which("unshare")))
        process.arguments = ["--net", "sleep", "600"]
        try process.run()
        let pid = process.processIdentifier
        sleepers[pid] = process
        cleanups.append(("kill sleeper \(pid)", {
            if process.isRunning { Glibc.kill(pid, SIGKILL) }
            process.waitUntilExit()
        }))
        // unshare(2) comes before exec, so the namespace changes shortly after launch.
        let own = try Self.netnsID(getpid())
        for _ in 0..<1000 {
            if let ns = try? Self.netnsID(pid), ns != own { return pid }
            usleep(10_000)
        }
        throw RuntimeError(.failed, "sleeper \(pid) never entered a new network namespace")
    }

    /// Starts this test binary again, running only the tests that match `filter`, and returns a
    /// function that waits for it and gives its status and output. Killed on tear-down if still running.
    func startWorker(environment: [String: String], filter: String) throws -> () -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        process.arguments = ["--testing-library", "swift-testing", "--filter", filter]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("isolab-net-worker-\(UUID().uuidString)")
        #expect(FileManager.default.createFile(atPath: output.path, contents: Data()))
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        cleanups.append(("stop worker \(process.processIdentifier)", {
            if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            try? handle.close()
            try FileManager.default.removeItem(at: output)
        }))
        return {
            process.waitUntilExit()
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            return (process.terminationStatus, text)
        }
    }

    /// Kills a sleeper now and waits for it to exit, which ends its network namespace.
    func kill(sleeper pid: Int32) {
        guard let process = sleepers[pid] else { return }
        if process.isRunning { Glibc.kill(pid, SIGKILL) }
        process.waitUntilExit()
    }

    /// Attaches, registering the detach as a clean-up.
    func attach(containerID: String, pid: Int32) throws -> NetworkAttachment {
        cleanups.append(("detach \(containerID)", { [manager] in try manager.detach(containerID: containerID, attachment: nil) }))
        return try manager.attach(containerID: containerID, pid: pid)
    }

    /// Registers a detach for a container attached elsewhere (another thread).
    func registerDetach(containerID: String) {
        cleanups.append(("detach \(containerID)", { [manager] in try manager.detach(containerID: containerID, attachment: nil) }))
    }

    /// A 64-hex-digit id like the runtime's.
    static func newContainerID() -> String {
        (UUID().uuidString + UUID().uuidString).replacingOccurrences(of: "-", with: "").lowercased()
    }

    static func netnsID(_ pid: Int32) throws -> String {
        try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/ns/net")
    }

    /// Runs a command, returning its exit status and standard output plus error.
    @discardableResult
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(NetworkTestConditions.which(arguments[0]) ?? arguments.first))
        process.arguments = Array(arguments.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `run` inside the network namespace of `pid`.
    static func runInside(_ pid: Int32, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try run(["nsenter", "--net=/proc/\(pid)/ns/net"] + arguments)
    }

    static func ping(_ address: String, from pid: Int32? = nil) throws -> (status: Int32, output: String) {
        let ping = try #require(NetworkTestConditions.pingCommand) + ["-c", "1", "-W", "2", address]
        return try pid.map { try runInside($0, ping) } ?? run(ping)
    }

    static func linkExists(_ name: String) throws -> Bool {
        try run(["ip", "link", "show", "dev", name]).status == 0
    }
}
