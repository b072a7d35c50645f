import Foundation
import Synchronization
import Testing
@testable import ContainerRuntime
#if canImport(Glibc)
import Glibc
#endif

/// Container records and /proc read as hostile input: bounded, range-checked, never a trap.
struct ContainerRecordTests {
    private let id = String(repeating: "ab", count: 32)

    /// A store in a temporary root with one container whose files the test writes.
    private func store(_ dir: ImageTempDir) throws -> ContainerStore {
        let s = ContainerStore(context: RuntimeContext(root: dir.path + "/root", namespace: "ns", runBase: dir.path + "/run"))
        try ContainerStore.makeDirectory(s.dir(for: id))
        try AtomicFile.writeJSON(ContainerConfig.placeholder(id: id, namespace: "ns", created: Date()), to: s.dir(for: id) + "/config.json")
        return s
    }

    private func writeState(_ s: ContainerStore, pid: Int32, monitor: Int32) throws {
        let state = ContainerRunState(pid: pid, pidStartTime: 1, monitorPid: monitor, monitorStartTime: 1,
                                      startedAt: Date(), cgroup: nil, network: nil)
        try s.writeRunState(state, id: id)
    }

    @Test func aStateWithPidZeroOrMinusOneIsBrokenAndNamesNoProcess() throws {
        let dir = try ImageTempDir("isolab-records")
        let s = try store(dir)
        for (pid, monitor): (Int32, Int32) in [(-1, getpid()), (0, 1), (1, -1)] {
            try writeState(s, pid: pid, monitor: monitor)
            let c = try #require(s.loadOrBroken(id: id))
            #expect(c.run == nil, "kill(2) must never see pid \(pid)")
            #expect(c.broken?.hasPrefix("state.json: pid ") == true)
            #expect(c.status == .dead)
            #expect(throws: RuntimeError.self) { try s.find(id) }
            #expect(try s.find(String(id.prefix(12)), allowBroken: true).id == id)
        }
    }

    @Test func unreadableRecordsMakeABrokenContainerNotAMissingOne() throws {
        let dir = try ImageTempDir("isolab-records")
        let s = try store(dir)
        #expect(s.list().count == 1 && s.list()[0].broken == nil)
        try Data("{".utf8).write(to: URL(fileURLWithPath: s.dir(for: id) + "/config.json"))
        let c = try #require(s.list().first)
        #expect(c.id == id && c.brokenRecord == "config.json" && c.config.name == "")
        #expect(throws: RuntimeError.self) { try s.find("") }
        // A state.json that is not JSON, and an exit record from the far future: no trap.
        try ContainerStore.makeDirectory(s.runDir(for: id))
        try Data([0xff]).write(to: URL(fileURLWithPath: s.runDir(for: id) + "/state.json"))
        try Data("{\"exitCode\":1,\"signal\":0,\"finishedAt\":1e300}".utf8).write(to: URL(fileURLWithPath: s.dir(for: id) + "/exit.json"))
        let c2 = try #require(s.loadOrBroken(id: id))
        #expect(c2.run == nil && c2.exit == nil && c2.broken != nil)
        // Only the store's own names become paths.
        #expect(s.loadOrBroken(id: "../../etc") == nil)
        #expect(throws: RuntimeError.self) { try s.load(id: "../" + String(id.dropFirst(3))) }
    }

    /// `started` (inspect's State.StartedAt of a stopped container) beyond ±3,000 years of 1970
    /// is no start time: inspect turned 1e300 into Int64 and trapped.
    @Test func aStartTimeFarOutOfRangeIsNone() throws {
        let dir = try ImageTempDir("isolab-records")
        let s = try store(dir)
        let started = s.dir(for: id) + "/started"
        for text in ["1e300", "-1e300", "9.3e18", "inf", "nan"] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: started))
            #expect(s.startedAt(id: id) == nil, "\(text)")
        }
        try Data("1700000000.25\n".utf8).write(to: URL(fileURLWithPath: started))
        #expect(s.startedAt(id: id)?.timeIntervalSince1970 == 1700000000.25)
    }

    /// A log that cannot be read (here a directory: EISDIR) is an error naming it;
    /// readDataToEndOfFile, a try! inside, trapped.
    @Test func anUnreadableLogIsAnErrorNotATrap() throws {
        let dir = try ImageTempDir("isolab-records")
        let s = try store(dir)
        let c = try s.load(id: id)
        try ContainerStore.makeDirectory(c.logPath)
        let rt = Runtime(context: s.context, isolabExecutable: "/bin/false")
        let e = try #require(throws: RuntimeError.self) {
            try rt.logs(of: c, tail: nil, follow: false, window: LogWindow()) { _ in }
        }
        #expect(e.message.hasPrefix("read \(c.logPath): "))
    }

    /// Two removers of one container (`rm -f` twice, or rm and a --rm container's exit command)
    /// both succeed: the ENOENTs one causes under the other's walk are no failure.
    @Test func concurrentRemovalsOfOneContainerBothSucceed() throws {
        let dir = try ImageTempDir("isolab-records")
        let s = try store(dir)
        let rt = Runtime(context: s.context, isolabExecutable: "/bin/false")
        for _ in 0..<2 {
            for d in 0..<10 {
                let sub = s.dir(for: id) + "/upper/d\(d)"
                try ContainerStore.makeDirectory(sub)
                for f in 0..<50 { #expect(FileManager.default.createFile(atPath: sub + "/f\(f)", contents: Data("x".utf8))) }
            }
            let problems = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                if let p = rt.removeFiles(id: id) { problems.withLock { $0.append(p) } }
            }
            #expect(problems.withLock { $0 } == [])
            #expect(!FileManager.default.fileExists(atPath: s.dir(for: id)))
        }
    }

    @Test func fileReadsAreBoundedAndRegularFilesOnly() throws {
        let dir = try ImageTempDir("isolab-records")
        let big = try dir.write("big", String(repeating: "x", count: 100))
        #expect(try FileIO.read(big, limit: 100).count == 100)
        let refused = try #require(throws: RuntimeError.self) { try FileIO.read(big, limit: 99) }
        #expect(refused.message.contains("larger than 99 bytes"))
        let fifo = dir.path + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let notRegular = try #require(throws: RuntimeError.self) { try FileIO.read(fifo, limit: 10) }
        #expect(notRegular.message.contains("not a regular file"), "a FIFO must not block the reader")
        #expect(throws: RuntimeError.self) { try FileIO.read("/dev/zero", limit: 1 << 20) }
        #expect(try FileIO.read("/proc/self/stat", limit: 1 << 16).count > 0, "/proc files are regular")
    }

    @Test func signalMasksAndDurationsOutOfRangeDoNotTrap() {
        for sig: Int32 in [0, -1, 65, Int32.max, Int32.min] {
            #expect(HostProcess.catches(getpid(), signal: sig) == false)
        }
        #expect(HostProcess.catches(-1, signal: SIGTERM) == false)
        #expect(HostProcess.stat(0) == nil && HostProcess.stat(-1) == nil)
        for s in [Double.nan, .infinity, -.infinity, 1e300, -1e300, Double(Int.max)] {
            #expect(!ImageDisplay.humanDuration(s).isEmpty)
        }
        #expect(ImageDisplay.humanDuration(-5) == "Less than a second")
        #expect(ImageDisplay.createdSince(Date(timeIntervalSince1970: -1e300)).hasSuffix("years ago"))
    }

    @Test func aMonitorLineIsCutAtItsLimit() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let chunk = [UInt8](repeating: 0x41, count: LineChannel.maxLine + 10)
        let writeEnd = fds[1]
        // Written from another thread: the pipe holds less than the line.
        let writer = Thread {
            _ = chunk.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
            close(writeEnd)
        }
        writer.start()
        let line = LineChannel(fd: fds[0]).readLine()
        #expect(line.utf8.count == LineChannel.maxLine)
    }
}
