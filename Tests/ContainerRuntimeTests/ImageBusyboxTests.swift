import Foundation
import Testing
@testable import ContainerRuntime
#if canImport(Glibc)
import Glibc
#endif

@Suite struct ImageBusyboxTests {
    @Test(.enabled(if: access("/bin/busybox", X_OK) == 0, "needs busybox-static"))
    func busyboxStaticIsStatic() throws {
        #expect(try !BusyboxRootfs.isDynamicallyLinked("/bin/busybox"))
    }

    @Test func anOrdinaryProgramIsDynamicallyLinked() throws {
        #expect(try BusyboxRootfs.isDynamicallyLinked("/bin/ls"))
    }

    @Test func aScriptIsNotAnExecutableImage() throws {
        let dir = try ImageTempDir()
        let script = try dir.write("script", "#!/bin/sh\necho this line is long enough to fill an ELF header of sixty-four bytes\n")
        #expect(throws: RuntimeError.self) { try BusyboxRootfs.isDynamicallyLinked(script) }
    }

    @Test(.enabled(if: access("/bin/busybox", X_OK) == 0, "needs busybox-static"))
    func busyboxLayerHasAppletsMountPointsAndUsers() throws {
        let dir = try ImageTempDir()
        let tar = dir.path + "/busybox.tar"
        let fd = open(tar, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        defer { close(fd) }
        let writer = try TarWriter(fd: fd, label: tar)
        try BusyboxRootfs(binary: "/bin/busybox").write(into: writer)
        try writer.finish()
        let members = try TarListing.members(tar)
        let byName = Dictionary(members.map { ($0.path.hasSuffix("/") ? String($0.path.dropLast()) : $0.path, $0) }) { a, _ in a }
        #expect(byName["bin/sh"]?.linkTarget == "/bin/busybox")
        #expect(byName["bin/busybox"]?.type == S_IFREG)
        for dir in ["proc", "sys", "dev", "tmp", "root", "etc"] { #expect(byName[dir]?.type == S_IFDIR, "\(dir)") }
        for file in ["etc/hostname", "etc/hosts", "etc/resolv.conf"] { #expect(byName[file]?.size == 0, "\(file)") }
        #expect(byName["etc/passwd"] != nil && byName["etc/group"] != nil)
    }
}
