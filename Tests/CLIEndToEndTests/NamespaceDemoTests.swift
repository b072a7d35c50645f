import Foundation
import Testing

/// The tutorial's namespace demos (section 1), through the CLI with the tutorial's commands.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct NamespaceDemoTests {
    @Test func mountUTSPIDAndNetworkNamespacesIsolateTwoContainers() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let id1 = try f.ok("docker run -d --name container1 busybox sleep 3600")
        let id2 = try f.ok("docker run -d --name container2 busybox sleep 3600")
        #expect(id1.count == 64 && id1.allSatisfy(\.isHexDigit))
        #expect(id1 != id2)

        // mnt: a file made in container1 is absent in container2.
        try f.ok("docker exec container1 touch /container1_file.txt")
        #expect(try f.ok("docker exec container1 ls -lh /container1_file.txt").hasSuffix("/container1_file.txt"))
        let missing = try f.sh("docker exec container2 ls -lh /container1_file.txt")
        #expect(missing.status == 1)
        #expect(missing.output == "ls: /container1_file.txt: No such file or directory\n")

        // uts: each hostname is the first 12 hex digits of its id.
        #expect(try f.ok("docker exec container1 hostname") == String(id1.prefix(12)))
        #expect(try f.ok("docker exec container2 hostname") == String(id2.prefix(12)))

        // pid: `sleep 3600` is PID 1 in both.
        for c in ["container1", "container2"] {
            let ps = try f.ok("docker exec \(c) ps")
            let lines = ps.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
            #expect(lines.contains { $0.first == "1" && $0.suffix(2).joined(separator: " ") == "sleep 3600" }, "\(ps)")
        }

        // net: distinct addresses that reach each other.
        let ip1 = try f.ok("docker inspect container1 -f '{{.NetworkSettings.IPAddress}}'")
        let ip2 = try f.ok("docker inspect -f '{{.NetworkSettings.IPAddress}}' container2")
        #expect(!ip1.isEmpty && !ip2.isEmpty && ip1 != ip2)
        #expect(try f.sh("docker exec container1 ping -c 1 -W 2 \(ip2)").status == 0)
        #expect(try f.sh("docker exec container2 ping -c 1 -W 2 \(ip1)").status == 0)
        #expect(try f.sh("busybox ping -c 1 -W 2 \(ip1)").status == 0, "the host reaches its containers")
    }

    /// The tutorial's `ps`, column for column: Docker's busybox image is upstream BusyBox with its
    /// default configuration, whose `ps` has a TIME column (Debian's busybox-static's has none).
    @Test func psInABusyboxContainerPrintsTheTutorialsColumns() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run -d --name container1 busybox sleep 3600")
        let ps = try f.ok("docker exec container1 ps").split(separator: "\n").map(String.init)
        let origin = try f.ok("docker info -f '{{.BusyboxImage}}'")
        #expect(ps.first == "PID   USER     TIME  COMMAND", "busybox image: \(origin)")
        #expect(ps.dropFirst().first == "    1 root      0:00 sleep 3600", "\(ps)")
        #expect(ps.count == 3 && ps.last?.hasSuffix(" root      0:00 ps") == true, "\(ps)")
    }

    /// Docker's busybox image has buildroot's users and groups: these resolve there, and here.
    @Test func dockersBusyboxUsersAndGroupsResolve() throws {
        let f = try CLIFixture()
        defer { f.close() }
        #expect(try f.ok("docker run --rm -u daemon busybox id") == "uid=1(daemon) gid=1(daemon) groups=1(daemon)")
        #expect(try f.ok("docker run --rm -u www-data:nogroup busybox id") == "uid=33(www-data) gid=65534(nogroup) groups=65534(nogroup)")
        #expect(try f.ok("docker run --rm -u nobody busybox id") == "uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)")
    }

    @Test func everyNamespaceOfAContainerDiffersFromTheHosts() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run -d --name nsc busybox sleep 3600")
        let pid = try f.ok("docker inspect -f '{{.State.Pid}}' nsc")
        for kind in ["mnt", "uts", "ipc", "pid", "net", "cgroup"] {
            let host = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/ns/\(kind)")
            let inside = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/ns/\(kind)")
            #expect(host != inside, "\(kind) namespace is shared with the host")
        }
    }

    @Test func ipcPrivateContainersCannotSeeEachOthersSharedMemory() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run -d --name ipc_container1 --ipc private debian sleep 3600")
        try f.ok("docker run -d --name ipc_container2 --ipc private debian sleep 3600")
        let made = try f.ok("docker exec ipc_container1 sh -c \"ipcmk -M 1M\"")
        #expect(made.hasPrefix("Shared memory id: "))
        let own = try f.ok("docker exec ipc_container1 ipcs -m")
        #expect(own.contains("1048576"), "\(own)")
        let other = try f.ok("docker exec ipc_container2 ipcs -m")
        #expect(other.contains("Shared Memory Segments"))
        #expect(!other.contains("1048576"), "\(other)")
    }

    @Test func twoNamespacesEachHoldAContainer1() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let other = f.otherNamespace()
        let a = try f.ok("docker run -d --name container1 busybox sleep 3600")
        let b = try f.ok("docker run -d --name container1 busybox sleep 3600", namespace: other)
        #expect(a != b)
        #expect(try f.ok("docker ps -q --no-trunc") == a)
        #expect(try f.ok("docker ps -q --no-trunc", namespace: other) == b)
        // And within one namespace the name is taken.
        let again = try f.sh("docker run -d --name container1 busybox sleep 1")
        #expect(again.status == 125)
        #expect(again.output.contains("Conflict. The container name \"/container1\" is already in use"))
    }
}
