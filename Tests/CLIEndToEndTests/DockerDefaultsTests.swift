import Foundation
import Testing

/// Docker's defaults as a peer's validator checks them: masked paths, the PATH of an image
/// without Env, and mount targets an imported rootfs lacks.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct DockerDefaultsTests {
    /// A rootfs tar built in a temporary directory by `build` (run with `sh` in it), imported
    /// under a name of the fixture's; removed (image and directory) by the returned closure.
    private func importRootfs(_ f: CLIFixture, _ build: String, tag: String = "1") throws -> (image: String, dir: String, done: () -> Void) {
        let dir = NSTemporaryDirectory() + "isolab-rootfs-" + f.namespace + "-" + tag
        let image = "rootfs-" + f.namespace.lowercased() + ":" + tag
        try FileManager.default.createDirectory(atPath: dir + "/root/bin", withIntermediateDirectories: true)
        let done = { _ = try? f.sh("docker rmi -f \(image)"); try? FileManager.default.removeItem(atPath: dir) }
        do {
            try f.ok("cp /bin/busybox \(dir)/root/bin/busybox && cd \(dir)/root && \(build)")
            try f.ok("tar -C \(dir)/root -cf \(dir)/rootfs.tar . && docker import \(dir)/rootfs.tar \(image)")
        } catch { done(); throw error }
        return (image, dir, done)
    }

    @Test func procInterruptsAndDockersOtherMaskedPathsAreEmpty() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let host = try String(contentsOfFile: "/proc/interrupts", encoding: .utf8)
        #expect(!host.isEmpty)
        let masked = "/proc/interrupts /proc/kcore /proc/keys /proc/timer_list /proc/sched_debug"
        #expect(try f.ok("docker run --rm busybox sh -c 'cat \(masked) 2>/dev/null | wc -c'") == "0")
        #expect(try f.ok("docker run --rm busybox sh -c 'ls /sys/firmware | wc -l'") == "0")
        let ro = try f.sh("docker run --rm busybox sh -c 'echo x > /proc/sys/kernel/domainname'")
        #expect(ro.status != 0 && ro.output.contains("Read-only file system"), "\(ro.output)")
        // Throttle counters are per CPU; they exist on some hosts only, and are masked where they do.
        let throttle = try f.ok("docker run --rm busybox sh -c 'cat /sys/devices/system/cpu/cpu*/thermal_throttle/* 2>/dev/null | wc -c'")
        #expect(throttle == "0")
        #expect(try f.ok("docker run --rm --privileged busybox sh -c 'cat /proc/interrupts | wc -c'") != "0",
                "--privileged masks nothing, as Docker's")
    }

    @Test func anImportedImageWithOnlyBusyboxRunsWithDockersPath() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let r = try importRootfs(f, "true")
        defer { r.done() }
        #expect(try f.ok("docker inspect -f '{{json .Config.Env}}' \(r.image)") == "null", "import sets no Env")
        let env = try f.ok("docker run --rm \(r.image) /bin/busybox env")
        #expect(env.split(separator: "\n").first == "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "\(env)")
        #expect(try f.ok("docker run --rm -e PATH=/bin \(r.image) /bin/busybox sh -c 'echo $PATH'") == "/bin")
        // No /etc, /proc, /sys or /dev in the image: the mount targets are made in its upper layer.
        let id = try f.ok("docker run -d \(r.image) /bin/busybox sleep 3600")
        #expect(try f.ok("docker exec \(id) /bin/busybox cat /etc/hostname") == String(id.prefix(12)))
        #expect(try f.ok("docker exec \(id) /bin/busybox sh -c 'echo $PATH'") == "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
        #expect(try f.ok("docker exec \(id) /bin/busybox cat /proc/1/cmdline | tr '\\0' ' '") == "/bin/busybox sleep 3600")
        #expect(try f.ok("docker exec \(id) /bin/busybox ls /dev/null /sys/fs/cgroup").contains("/dev/null"))
    }

    @Test func symlinkedMountTargetsInAnImageNeverReachTheHost() throws {
        let f = try CLIFixture()
        defer { f.close() }
        // The host has these directories; the image's /etc and /dev point at the same absolute
        // paths. /etc's target exists inside the image too, /dev's does not (dangling in there).
        let hostDir = NSTemporaryDirectory() + "isolab-hostdir-" + f.namespace
        try FileManager.default.createDirectory(atPath: hostDir + "/etc", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: hostDir + "/dev", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: hostDir) }
        let r = try importRootfs(f, "mkdir -p .\(hostDir)/etc && ln -s \(hostDir)/etc etc && ln -s \(hostDir)/dev dev")
        defer { r.done() }
        let refused = try f.sh("docker run --rm \(r.image) /bin/busybox true")
        #expect(refused.status == 125 && refused.output.contains("/dev"), "\(refused.output)")
        #expect(try f.ok("ls -A \(hostDir)/etc \(hostDir)/dev") == "\(hostDir)/dev:\n\n\(hostDir)/etc:", "nothing made on the host")

        let r2 = try importRootfs(f, "mkdir -p .\(hostDir)/etc && ln -s \(hostDir)/etc etc", tag: "2")
        defer { r2.done() }
        #expect(try f.ok("docker run --rm --hostname inside \(r2.image) /bin/busybox cat \(hostDir)/etc/hostname") == "inside")
        #expect(try f.ok("ls -A \(hostDir)/etc") == "", "the container's /etc is the image's, not the host's")
    }
}
