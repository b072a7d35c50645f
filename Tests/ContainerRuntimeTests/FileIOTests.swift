import Foundation
import Testing
@testable import ContainerRuntime
#if canImport(Glibc)
import Glibc
#endif

/// The one bounded reader (the runtime's small files, and what a user hands the CLI): each
/// refusal says what failed, so the CLI can word it as Go would.
struct FileIOTests {
    @Test func aFileUpToItsLimitIsRead() throws {
        let dir = try ImageTempDir("isolab-fileio")
        let file = try dir.write("f", "12345")
        #expect(try FileIO.read(file, limit: 5) == Data("12345".utf8))
        #expect(try FileIO.read(try dir.write("empty", ""), limit: 0).isEmpty)
        let over = #expect(throws: RuntimeError.self) { try FileIO.read(file, limit: 4) }
        #expect(over?.operation == "size limit" && over?.path == file)
    }

    @Test func aDirectoryIsReadsEISDIRAndAMissingFileOpensENOENT() throws {
        let dir = try ImageTempDir("isolab-fileio")
        let isDir = #expect(throws: RuntimeError.self) { try FileIO.read(dir.path, limit: 10) }
        #expect(isDir?.errno == EISDIR && isDir?.operation == "read" && isDir?.path == dir.path)
        let missing = #expect(throws: RuntimeError.self) { try FileIO.read(dir.path + "/nosuch", limit: 10) }
        #expect(missing?.errno == ENOENT && missing?.operation == "open")
    }

    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let dir = try ImageTempDir("isolab-fileio")
        let fifo = dir.path + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let e = #expect(throws: RuntimeError.self) { try FileIO.read(fifo, limit: 10) }
        #expect(e?.operation == "read" && e?.message == "read \(fifo): not a regular file")
    }
}
