import Foundation
import Testing

/// `-v`, `--mount type=bind|tmpfs`, `--tmpfs`, with and without `--read-only`.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct MountTests {
    @Test func bindAndTmpfsMountsAsDockers() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let host = NSTemporaryDirectory() + "isolab-mount-" + f.namespace
        try FileManager.default.createDirectory(atPath: host, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: host) }
        try "from the host\n".write(toFile: host + "/f", atomically: false, encoding: .utf8)
        #expect(try f.ok("docker run --rm -v \(host):/data busybox sh -c 'cat /data/f; echo back > /data/g'") == "from the host")
        #expect(try String(contentsOfFile: host + "/g", encoding: .utf8) == "back\n", "the container wrote to the host directory")
        let ro = try f.sh("docker run --rm -v \(host):/data:ro busybox touch /data/h")
        #expect(ro.status == 1 && ro.output.contains("Read-only file system"))
        // --read-only: the root refuses writes; the tmpfs and the bind mount are their own.
        let out = try f.ok("docker run --rm --read-only --tmpfs /run:size=1m --mount type=bind,source=\(host),target=/mnt/h busybox sh -c 'echo t > /run/t && cat /run/t; echo w > /mnt/h/w && cat /mnt/h/w; touch /x 2>&1; grep \" /run \" /proc/mounts'")
        #expect(out.contains("t\nw\ntouch: /x: Read-only file system"), "\(out)")
        #expect(out.contains("tmpfs /run tmpfs rw,nosuid,nodev,noexec,relatime,size=1024k"), "\(out)")
        #expect(try f.ok("docker run --rm --mount type=tmpfs,target=/t,tmpfs-size=2m busybox df -k /t").contains(" 2048 "))
        try f.ok("docker run -d --name mounted -v \(host):/data:ro busybox sleep 3600")
        #expect(try f.ok("docker inspect -f '{{json .Mounts}} {{json .HostConfig.Binds}}' mounted")
                == "[{\"Type\":\"bind\",\"Source\":\"\(host)\",\"Destination\":\"/data\",\"Mode\":\"ro\",\"RW\":false,\"Propagation\":\"rprivate\"}] [\"\(host):/data:ro\"]")
        let noTarget = try f.sh("docker run --rm --mount type=bind,source=\(host) busybox true")
        #expect(noTarget.status == 125 && noTarget.output.hasPrefix("invalid argument \"type=bind,source=\(host)\" for \"--mount\" flag: target is required\n\nUsage:  docker run"))
        let missing = try f.sh("docker run --rm --mount type=bind,source=/nonexistent-isolab,target=/x busybox true")
        #expect(missing.status == 125 && missing.output.hasPrefix("docker: Error response from daemon: invalid mount config for type \"bind\": bind source path does not exist: /nonexistent-isolab"))
        let named = try f.sh("docker run --rm -v data:/x busybox true")
        #expect(named.status == 125 && named.output.contains("named volumes are not supported"))
    }
}
