import Foundation
import Testing
@testable import ContainerRuntime
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct ImageIntegrationTests {
    @Test(.enabled(if: ImageIntegrationConditions.isRoot, "needs root (chroot, owners, xattrs)"))
    func busyboxBuildsAndRuns() throws {
        let dir = try ImageIntegrationDir()
        let store = ImageStore(root: dir.path + "/root")
        let image = try store.resolve("busybox")
        #expect(image.repoTags == ["busybox:latest"])
        #expect(image.config.cmd == ["sh"])
        let rootfs = try #require(try store.lowerDirs(of: image).first)
        // A bare chroot has the image's own /dev nodes, unusable where /tmp is mounted nodev (a tmpfs /tmp,
        // as in the VM test's guest): no redirection to /dev/null.
        for mountPoint in ["proc", "sys", "dev", "tmp", "root", "etc/hostname", "etc/hosts", "etc/resolv.conf"] {
            #expect(ImageFiles.exists(rootfs + "/" + mountPoint), "\(mountPoint) missing")
        }
        #expect(try ImageFiles.lstatIfExists(rootfs + "/tmp").map { $0.st_mode & 0o7777 } == 0o1777)
        // Docker's layout: applets are hard links in /bin, /usr/bin/env leads there, buildroot's nine users.
        let (status, out) = try dir.run(["/usr/sbin/chroot", rootfs, "/bin/sh", "-c",
                                         "echo hello; grep -c . /etc/passwd; ls /bin/awk; /usr/bin/env true && echo env"])
        #expect(status == 0)
        #expect(out == "hello\n9\n/bin/awk\nenv\n")
        let busybox = try #require(try ImageFiles.lstatIfExists(rootfs + "/bin/busybox"))
        #expect(try ImageFiles.lstatIfExists(rootfs + "/bin/ps")?.st_ino == busybox.st_ino)
        #expect(try ImageFiles.lstatIfExists(rootfs + "/var/www").map { "\($0.st_uid):\($0.st_gid)" } == "33:33")
        #expect(try ImageFiles.lstatIfExists(rootfs + "/etc/shadow").map { $0.st_mode & 0o777 } == 0o600)
        let origin = try #require(try store.builtinOrigin("busybox"))
        #expect(origin.hasPrefix("BusyBox ") || origin.hasPrefix("Debian's busybox-static"), "\(origin)")
        // Resolving again reuses the image: built once.
        #expect(try store.resolve("busybox:latest").id == image.id)
    }

    @Test(.enabled(if: ImageIntegrationConditions.isRoot, "needs root (overlayfs mounts)"))
    func commitOfARealOverlayCarriesFilesWhiteoutsAndOpaqueDirs() throws {
        let dir = try ImageIntegrationDir()
        let store = ImageStore(root: dir.path + "/root")
        let base = try store.resolve("busybox")
        let upper = try dir.mkdir("c1/upper"), work = try dir.mkdir("c1/work"), merged = try dir.mkdir("c1/merged")
        try dir.mountOverlay(lowers: try store.lowerDirs(of: base), upper: upper, work: work, merged: merged)
        // FileIO, not Data.write: its descriptor is close-on-exec, so a process another test
        // spawns meanwhile cannot keep the overlay busy (umount's EBUSY).
        try FileIO.create(Data("committed\n".utf8), at: merged + "/root/note")
        #expect(unlink(merged + "/etc/group") == 0)
        try ImageFiles.removeTree(merged + "/usr/sbin")
        #expect(Glibc.mkdir(merged + "/usr/sbin", 0o755) == 0)      // overlayfs makes it opaque
        try FileIO.create(Data(), at: merged + "/usr/sbin/only")
        try dir.unmount(merged)

        let image = try store.commit(upperDir: upper, baseImage: base, config: base.config, reference: "busybox:note", comment: nil)
        let names = try TarListing.members(store.layerPath(image.layers[1]) + "/layer.tar").map(\.path)
        #expect(names.contains("etc/.wh.group"))
        #expect(names.contains("usr/sbin/.wh..wh..opq"))
        #expect(names.contains("root/note"))

        // A container of the new image sees the change, one of the old image does not.
        let upper2 = try dir.mkdir("c2/upper"), work2 = try dir.mkdir("c2/work"), merged2 = try dir.mkdir("c2/merged")
        try dir.mountOverlay(lowers: try store.lowerDirs(of: image), upper: upper2, work: work2, merged: merged2)
        #expect(try FileIO.read(merged2 + "/root/note") == Data("committed\n".utf8))
        #expect(!ImageFiles.exists(merged2 + "/etc/group"))
        #expect(try ImageFiles.listDirectory(merged2 + "/usr/sbin") == ["only"])
        try dir.unmount(merged2)
        let upper3 = try dir.mkdir("c3/upper"), work3 = try dir.mkdir("c3/work"), merged3 = try dir.mkdir("c3/merged")
        try dir.mountOverlay(lowers: try store.lowerDirs(of: base), upper: upper3, work: work3, merged: merged3)
        #expect(!ImageFiles.exists(merged3 + "/root/note"))
        #expect(ImageFiles.exists(merged3 + "/etc/group"))
        try dir.unmount(merged3)

        // Export of the first container without a mount: the union as it looked inside.
        let tar = dir.path + "/export.tar"
        let fd = open(tar, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        try #require(fd >= 0)
        defer { close(fd) }
        try store.exportRootfs(lowerDirs: try store.lowerDirs(of: base), upperDir: upper, to: fd)
        let exported = try TarListing.members(tar).map(\.path)
        #expect(exported.contains("root/note"))
        #expect(exported.contains("etc/passwd") && !exported.contains("etc/group"))
        #expect(exported.filter { $0.hasPrefix("usr/sbin/") } == ["usr/sbin/", "usr/sbin/only"])
    }

    /// What made the commit test's umount fail once with EBUSY in a full parallel run: a program
    /// spawned meanwhile (by any test of this process) inherited a descriptor of a file under the
    /// overlay (Foundation's Data.write opens without close-on-exec) and kept it open. The
    /// spawner closes every descriptor but stdio in the child.
    @Test(.enabled(if: ImageIntegrationConditions.isRoot, "needs root (overlayfs mounts)"))
    func aChildSpawnedWhileAFileOfAnOverlayIsOpenDoesNotKeepItBusy() throws {
        let dir = try ImageIntegrationDir()
        let lower = try dir.mkdir("lower"), upper = try dir.mkdir("upper"), work = try dir.mkdir("work"), merged = try dir.mkdir("merged")
        try dir.mountOverlay(lowers: [lower], upper: upper, work: work, merged: merged)
        let fd = open(merged + "/file", O_WRONLY | O_CREAT, 0o600)   // as Data.write opens it
        try #require(fd >= 0)
        let child: ChildProcess
        do { child = try ChildProcess.spawn("/bin/sleep", ["60"]) } catch { close(fd); throw error }
        defer { kill(child.pid, SIGKILL); _ = child.wait() }
        close(fd)
        try dir.unmount(merged)
    }

    @Test(.enabled(if: ImageIntegrationConditions.canDebootstrap, "needs root and debootstrap (and the Debian mirror, once: the rootfs is cached)"))
    func debianHasTheLabTools() throws {
        let dir = try ImageIntegrationDir()
        let store = ImageStore(root: dir.path + "/root")
        let image = try store.resolve("debian")
        let rootfs = try #require(try store.lowerDirs(of: image).first)
        // A bare chroot has the image's own /dev nodes, unusable where /tmp is mounted nodev (a tmpfs /tmp,
        // as in the VM test's guest): no redirection to /dev/null.
        let (status, out) = try dir.run(["/usr/sbin/chroot", rootfs, "/bin/bash", "-c",
                                         "found=$(command -v ps ip ipcmk ipcs ping) && echo tools; wc -c < /etc/hostname"])
        #expect(status == 0)
        #expect(out == "tools\n0\n")
    }

    @Test(.enabled(if: ImageIntegrationConditions.canKillIsolab, "needs root and an isolab binary whose CLI has `load`"))
    func aLoadKilledMidwayLeavesTheStoreConsistent() throws {
        let dir = try ImageIntegrationDir()
        let isolab = try #require(ImageIntegrationConditions.isolabBinary)
        // A docker-archive with one large layer, so that the load is still running when it is killed.
        let source = ImageStore(root: dir.path + "/source")
        var big = [UInt8](repeating: 0, count: 24 << 20)
        for i in stride(from: 0, to: big.count, by: 4096) { big[i] = UInt8(truncatingIfNeeded: i >> 12) }
        let layerTar = dir.path + "/big.tar"
        let lfd = open(layerTar, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        let writer = try TarWriter(fd: lfd, label: layerTar)
        try writer.add(TarEntry(path: "big", kind: .regular), data: Data(big))
        try writer.finish()
        close(lfd)
        _ = try source.importTarball(path: layerTar, reference: "big:1")
        let archive = dir.path + "/big-save.tar"
        let sfd = open(archive, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        try source.save(references: ["big:1"], to: sfd)
        close(sfd)

        let target = ImageStore(root: dir.path + "/target")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: isolab)
        p.arguments = ["load", "-i", archive]
        p.environment = ["ISOLAB_ROOT": target.root, "PATH": "/usr/bin:/bin"]
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        // Kill it once it has started writing under tmp (or it finished: then nothing to prove, and we retry).
        var sawWork = false
        while p.isRunning && !sawWork {
            sawWork = ((try? ImageFiles.listDirectory(target.tempDir)) ?? []).contains { $0.hasPrefix("load-") }
            usleep(2000)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        try #require(sawWork, "the load finished before it could be killed")

        // Whatever state it died in: nothing half-made is visible, and the next load completes.
        #expect(try target.list().allSatisfy { $0.repoTags.isEmpty || $0.repoTags == ["big:1"] })
        for layer in try ImageFiles.listDirectory(target.layersDir) {
            #expect(ImageFiles.exists(target.layersDir + "/" + layer + "/layer.json"))
        }
        #expect(try target.load(path: archive) == ["Loaded image: big:1"])
        #expect(try ImageFiles.listDirectory(target.tempDir).isEmpty)
        let image = try target.resolve("big:1")
        let lower = try #require(try target.lowerDirs(of: image).first)
        #expect(try ImageFiles.lstatIfExists(lower + "/big")?.st_size == Int(24 << 20))
    }
}
