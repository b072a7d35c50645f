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
        // As `busybox --install /bin` leaves them in Docker's image: hard links beside busybox.
        #expect(byName["bin/sh"]?.linkTarget == "bin/busybox")
        #expect(byName["bin/ps"]?.linkTarget == "bin/busybox")
        #expect(byName["bin/busybox"]?.type == S_IFREG)
        #expect(!members.contains { $0.type != S_IFDIR && ($0.path.hasPrefix("usr/sbin/") || ($0.path.hasPrefix("usr/bin/") && $0.path != "usr/bin/env")) })
        #expect(byName["usr/bin/env"]?.linkTarget == "../../bin/env")
        for dir in ["proc", "sys", "dev", "tmp", "root", "etc"] { #expect(byName[dir]?.type == S_IFDIR, "\(dir)") }
        for file in ["etc/hostname", "etc/hosts", "etc/resolv.conf"] { #expect(byName[file]?.size == 0, "\(file)") }
        #expect(byName["etc/passwd"]?.size == Int64(BusyboxRootfs.passwd.utf8.count))
        #expect(byName["etc/shadow"] != nil && byName["etc/group"] != nil)
        for home in ["var/www", "var/spool/mail", "usr/sbin", "home"] { #expect(byName[home]?.type == S_IFDIR, "\(home)") }
    }

    /// Docker's busybox image has these: `-u daemon`, `-u www-data` and `:nogroup` resolve.
    @Test func usersAndGroupsAreDockersBusyboxImages() {
        let users = BusyboxRootfs.passwd.split(separator: "\n").map { $0.split(separator: ":", omittingEmptySubsequences: false) }
        #expect(users.map { String($0[0]) } == ["root", "daemon", "bin", "sys", "sync", "mail", "www-data", "operator", "nobody"])
        #expect(users.allSatisfy { $0.count == 7 })
        #expect(users.first { $0[0] == "www-data" }.map { "\($0[2]):\($0[3])" } == "33:33")
        let groups = BusyboxRootfs.group.split(separator: "\n").map { $0.split(separator: ":", omittingEmptySubsequences: false) }
        #expect(groups.allSatisfy { $0.count == 4 })
        #expect(groups.first { $0[0] == "nogroup" }?[2] == "65534")
        #expect(groups.first { $0[0] == "daemon" }?[2] == "1")
        #expect(BusyboxRootfs.shadow.hasPrefix("root:*:"), "root's password is locked")
    }
}
