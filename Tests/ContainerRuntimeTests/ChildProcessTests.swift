import Foundation
import Testing
@testable import ContainerRuntime
#if canImport(Glibc)
import Glibc
#endif

/// isolab's one spawner: what reaches the child (stdio, directory, environment, the one passed
/// descriptor, nothing else), how it ends, and `run`'s capture with its limits.
@Suite struct ChildProcessTests {
    @Test func outputAndStatus() throws {
        let pipe = try ChildProcess.pipe()
        let child = try ChildProcess.spawn("/bin/sh", ["-c", "pwd; echo $X; read a; echo \"[$a]\"; exit 3"],
                                           directory: "/tmp", environment: ["X": "y"], stdout: pipe.write)
        close(pipe.write)
        let out = String(decoding: ChildProcess.drain(pipe.read, limit: 1000), as: UTF8.self)
        let end = child.wait()
        #expect(out == "/tmp\ny\n[]\n")
        #expect(end == ChildProcess.Termination(exited: true, status: 3))
        #expect(end.code == 3)
        #expect(throws: RuntimeError.self) { try ChildProcess.spawn("/nonexistent/program", []) }
    }

    /// A descriptor opened without close-on-exec (as Foundation's Data.write and FileHandle open
    /// theirs) stays out of the child; the passed one arrives as 3. A leaked descriptor of a file
    /// under a mount is what made a parallel test's umount fail with EBUSY.
    @Test func onlyStdioAndThePassedDescriptorReachTheChild() throws {
        let opened = open("/dev/null", O_RDONLY)
        try #require(opened >= 0)
        defer { close(opened) }
        let leaky = fcntl(opened, F_DUPFD, 100)   // above anything the child could get by chance
        try #require(leaky >= 100)
        defer { close(leaky) }
        let out = try ChildProcess.pipe()
        let passed = try ChildProcess.pipe()
        let child = try ChildProcess.spawn("/bin/sh", ["-c", "ls /proc/$$/fd | sort -n | tr '\\n' ' '; echo through >&3"],
                                           stdout: out.write, passing: passed.write)
        close(out.write)
        close(passed.write)
        let listed = String(decoding: ChildProcess.drain(out.read, limit: 4096), as: UTF8.self)
        let through = String(decoding: ChildProcess.drain(passed.read, limit: 100), as: UTF8.self)
        #expect(child.wait().code == 0)
        // 0-2 and 3; sh opens nothing of its own before running ls (dash, bash: none above 9 either).
        #expect(!listed.split(separator: " ").contains(Substring(String(leaky))), "\(listed)")
        #expect(listed.hasPrefix("0 1 2 3 "), "\(listed)")
        #expect(through == "through\n")
    }

    /// /dev/null by default; with `.inherit` (the monitor: a foreground container reads the
    /// client's stdin), whatever ours is, the test runner's here.
    @Test(arguments: [ChildProcess.Input.null, .inherit])
    func standardInput(_ input: ChildProcess.Input) throws {
        let out = try ChildProcess.pipe()
        let child = try ChildProcess.spawn("/bin/sh", ["-c", "readlink /proc/$$/fd/0"], stdin: input, stdout: out.write)
        close(out.write)
        let link = String(decoding: ChildProcess.drain(out.read, limit: 4096), as: UTF8.self)
        _ = child.wait()
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/fd/0", &buffer, buffer.count - 1)
        let ours = n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) + "\n" : ""
        #expect(link == (input == .null ? "/dev/null\n" : ours))
    }

    @Test func runKeepsEachStreamUpToItsLimit() throws {
        let r = try ChildProcess.run("/bin/sh", ["-c", "head -c 100000 /dev/zero | tr '\\000' a; echo oops >&2; exit 4"],
                                     outputLimit: 10, errorLimit: 100)
        #expect(r.stdout == Data(repeating: UInt8(ascii: "a"), count: 10))
        #expect(String(decoding: r.stderr, as: UTF8.self) == "oops\n")
        #expect(r.termination.code == 4)
    }

    /// Both pipes are read together: a program that fills its stderr pipe before it writes (or
    /// closes) stdout must not block, nor us with it.
    @Test func runReadsBothStreamsAtOnce() throws {
        let r = try ChildProcess.run("/bin/sh", ["-c", "head -c 300000 /dev/zero >&2; echo done"], outputLimit: 100, errorLimit: 10)
        #expect(String(decoding: r.stdout, as: UTF8.self) == "done\n")
        #expect(r.stderr.count == 10)
        #expect(r.termination.code == 0)
    }

    @Test func runWithoutErrorLimitDropsStderrAndReportsASignal() throws {
        let r = try ChildProcess.run("/bin/sh", ["-c", "echo e >&2; echo o; kill -KILL $$"], outputLimit: 100, errorLimit: nil)
        #expect(String(decoding: r.stdout, as: UTF8.self) == "o\n")
        #expect(r.stderr.isEmpty)
        #expect(r.termination == ChildProcess.Termination(exited: false, status: SIGKILL))
        #expect(r.termination.code == 128 + SIGKILL)
        #expect(throws: RuntimeError.self) { try ChildProcess.run("/nonexistent/program", [], outputLimit: 1, errorLimit: nil) }
    }
}
