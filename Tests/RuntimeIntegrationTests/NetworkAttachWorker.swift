import Foundation
import Testing
@testable import ContainerRuntime
#if canImport(Glibc)
import Glibc
#endif

/// The child half of `concurrentAttachesFromSeparateProcesses`: that test starts this test
/// binary twice more, filtered to this suite, with a `NetworkWorkerJob` in the environment.
/// Run any other way, it is skipped.
@Suite(.enabled(if: NetworkWorkerJob.current != nil, "runs only as a child of concurrentAttachesFromSeparateProcesses"))
struct NetworkAttachWorker {
    @Test func attachFromThisProcess() throws {
        let job = try #require(NetworkWorkerJob.current)
        let fixture = try NetworkTestFixture()
        #expect(FileManager.default.createFile(atPath: job.gate + "/ready-" + job.containerID, contents: Data()))
        for _ in 0..<1000 where !FileManager.default.fileExists(atPath: job.gate + "/go") { usleep(10_000) }
        // No clean-up here on purpose: the parent owns the attachment and detaches it.
        let attachment = try fixture.manager.attach(containerID: job.containerID, pid: job.pid)
        print("\(NetworkWorkerJob.marker) \(attachment.ipAddress) \(attachment.hostVeth)")
    }
}
