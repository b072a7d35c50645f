import Foundation
import Testing
@testable import ContainerRuntime

/// Real bridges, veths and namespaces on this host. Serialized: the tests share one test bridge and
/// each checks that it is gone at the end.
@Suite(.serialized, .enabled(if: NetworkTestConditions.canRun, "needs root, unshare, nsenter, ip and ping"))
struct NetworkIntegrationTests {
    @Test func twoContainersGetAddressesRoutesAndReachEachOtherAndTheHost() throws {
        let fixture = try NetworkTestFixture()
        defer { fixture.tearDown() }
        let pidA = try fixture.startSleeper(), pidB = try fixture.startSleeper()
        let idA = NetworkTestFixture.newContainerID(), idB = NetworkTestFixture.newContainerID()

        let a = try fixture.attach(containerID: idA, pid: pidA)
        let b = try fixture.attach(containerID: idB, pid: pidB)

        #expect(a == NetworkAttachment(ipAddress: "10.214.0.2", prefixLength: 16, gateway: "10.214.0.1",
                                       macAddress: "02:42:0a:d6:00:02", hostVeth: "isl" + idA.prefix(11),
                                       bridge: "isltest0"))
        #expect(b.ipAddress == "10.214.0.3")
        #expect(b.macAddress == "02:42:0a:d6:00:03")

        // Inside: eth0 with address and MAC, lo up, the default route via the bridge.
        for (pid, attachment) in [(pidA, a), (pidB, b)] {
            let address = try NetworkTestFixture.runInside(pid, ["ip", "-4", "-o", "addr", "show", "dev", "eth0"])
            #expect(address.status == 0)
            #expect(address.output.contains("inet \(attachment.ipAddress)/16 brd 10.214.255.255"))
            let link = try NetworkTestFixture.runInside(pid, ["ip", "-o", "link", "show", "dev", "eth0"])
            #expect(link.output.contains("link/ether \(attachment.macAddress)"))
            #expect(link.output.contains(",UP,"))
            let lo = try NetworkTestFixture.runInside(pid, ["ip", "-o", "link", "show", "dev", "lo"])
            #expect(lo.output.contains("<LOOPBACK,UP,LOWER_UP>"))
            let route = try NetworkTestFixture.runInside(pid, ["ip", "-4", "route", "show", "default"])
            #expect(route.output.contains("default via 10.214.0.1 dev eth0"))
        }

        // On the host: the bridge holds the gateway, each host veth is up and enslaved to it.
        let bridge = try NetworkTestFixture.run(["ip", "-4", "-o", "addr", "show", "dev", "isltest0"])
        #expect(bridge.output.contains("inet 10.214.0.1/16"))
        let bridgeLink = try NetworkTestFixture.run(["ip", "-o", "link", "show", "dev", "isltest0"])
        #expect(bridgeLink.output.contains("link/ether 02:42:0a:d6:00:01"))
        for attachment in [a, b] {
            let veth = try NetworkTestFixture.run(["ip", "-o", "link", "show", "dev", attachment.hostVeth])
            #expect(veth.output.contains("master isltest0"))
            #expect(veth.output.contains("state UP"))
        }
        let leases = try FileManager.default.contentsOfDirectory(atPath: "/run/isolab/network-test/leases").sorted()
        #expect(leases == ["10.214.0.2", "10.214.0.3"])
        #expect(try String(contentsOfFile: "/run/isolab/network-test/leases/10.214.0.2", encoding: .utf8) == idA)

        // Traffic: container to container both ways, host to each container.
        let aToB = try NetworkTestFixture.ping(b.ipAddress, from: pidA)
        #expect(aToB.status == 0, "\(aToB.output)")
        let bToA = try NetworkTestFixture.ping(a.ipAddress, from: pidB)
        #expect(bToA.status == 0, "\(bToA.output)")
        let bToGateway = try NetworkTestFixture.ping("10.214.0.1", from: pidB)
        #expect(bToGateway.status == 0, "\(bToGateway.output)")
        for attachment in [a, b] {
            let hostTo = try NetworkTestFixture.ping(attachment.ipAddress)
            #expect(hostTo.status == 0, "\(hostTo.output)")
        }

        // Detach one: the other keeps the bridge and its lease.
        try fixture.manager.detach(containerID: idA, attachment: a)
        #expect(try !NetworkTestFixture.linkExists(a.hostVeth))
        #expect(try NetworkTestFixture.linkExists("isltest0"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: "/run/isolab/network-test/leases") == ["10.214.0.3"])
        let stillThere = try NetworkTestFixture.ping(b.ipAddress)
        #expect(stillThere.status == 0, "\(stillThere.output)")

        // Detach the last: bridge, veths and state all gone; detaching again is harmless.
        try fixture.manager.detach(containerID: idB, attachment: b)
        #expect(try !NetworkTestFixture.linkExists(b.hostVeth))
        #expect(try !NetworkTestFixture.linkExists("isltest0"))
        #expect(!FileManager.default.fileExists(atPath: "/run/isolab/network-test"))
        try fixture.manager.detach(containerID: idB, attachment: b)
        try fixture.manager.detach(containerID: idA, attachment: nil)
        #expect(!FileManager.default.fileExists(atPath: "/run/isolab/network-test"))
    }

    /// Six attaches at once, each thread opening the lock itself as separate `isolab run`
    /// processes do: every container gets its own address and a working eth0.
    @Test func concurrentAttachesGetDistinctAddresses() throws {
        let fixture = try NetworkTestFixture()
        defer { fixture.tearDown() }
        let pids = try (0..<6).map { _ in try fixture.startSleeper() }
        let ids = pids.map { _ in NetworkTestFixture.newContainerID() }
        ids.forEach { fixture.registerDetach(containerID: $0) }

        let results = NetworkResults()
        let manager = fixture.manager
        DispatchQueue.concurrentPerform(iterations: pids.count) { i in
            results.set(i, Result { try manager.attach(containerID: ids[i], pid: pids[i]) })
        }
        let attachments = try (0..<pids.count).map { try results.get($0) }
        let addresses = attachments.map(\.ipAddress)
        #expect(Set(addresses) == Set((2...7).map { "10.214.0.\($0)" }))
        for (pid, attachment) in zip(pids, attachments) {
            let inside = try NetworkTestFixture.runInside(pid, ["ip", "-4", "-o", "addr", "show", "dev", "eth0"])
            #expect(inside.output.contains("inet \(attachment.ipAddress)/16"))
        }

        DispatchQueue.concurrentPerform(iterations: pids.count) { i in
            results.setDetach(i, Result { try manager.detach(containerID: ids[i], attachment: attachments[i]) })
        }
        for i in 0..<pids.count { try results.getDetach(i) }
        #expect(try !NetworkTestFixture.linkExists("isltest0"))
        #expect(!FileManager.default.fileExists(atPath: "/run/isolab/network-test"))
    }

    /// Two processes of this test binary attach at the same moment, as two `isolab run` would:
    /// the host lock keeps their leases apart.
    @Test func concurrentAttachesFromSeparateProcesses() throws {
        let fixture = try NetworkTestFixture()
        defer { fixture.tearDown() }
        let gate = NSTemporaryDirectory() + "isolab-net-gate-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: gate, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: gate) }
        let pids = try (0..<2).map { _ in try fixture.startSleeper() }
        let ids = pids.map { _ in NetworkTestFixture.newContainerID() }
        ids.forEach { fixture.registerDetach(containerID: $0) }

        let workers = try zip(ids, pids).map { id, pid in
            try fixture.startWorker(environment: [NetworkWorkerJob.environmentKey:
                                                  NetworkWorkerJob(containerID: id, pid: pid, gate: gate).environmentValue],
                                    filter: "NetworkAttachWorker")
        }
        for _ in 0..<3000 {
            let ready = (try? FileManager.default.contentsOfDirectory(atPath: gate))?.filter { $0.hasPrefix("ready-") }
            if ready?.count == ids.count { break }
            usleep(10_000)
        }
        #expect(FileManager.default.createFile(atPath: gate + "/go", contents: Data()))
        let outputs = workers.map { $0() }

        var addresses: [String] = []
        for (output, (id, pid)) in zip(outputs, zip(ids, pids)) {
            #expect(output.status == 0, "\(output.text)")
            let line = output.text.split(separator: "\n").first { $0.hasPrefix(NetworkWorkerJob.marker) }
            let fields = try #require(line, "\(output.text)").split(separator: " ").map(String.init)
            try #require(fields.count == 3)
            #expect(fields[2] == "isl" + id.prefix(11))
            addresses.append(fields[1])
            let inside = try NetworkTestFixture.runInside(pid, ["ip", "-4", "-o", "addr", "show", "dev", "eth0"])
            #expect(inside.output.contains("inet \(fields[1])/16"))
        }
        #expect(Set(addresses) == ["10.214.0.2", "10.214.0.3"])
        let aToB = try NetworkTestFixture.ping(addresses[1], from: pids[0])
        #expect(aToB.status == 0, "\(aToB.output)")
    }

    /// The container's namespace may die before clean-up runs: its veth pair goes with it, and
    /// detach still releases the address and removes the bridge.
    @Test func detachAfterTheNamespaceDiedCleansUp() throws {
        let fixture = try NetworkTestFixture()
        defer { fixture.tearDown() }
        let pid = try fixture.startSleeper()
        let id = NetworkTestFixture.newContainerID()
        let attachment = try fixture.attach(containerID: id, pid: pid)
        fixture.kill(sleeper: pid)
        // The kernel dismantles a dead namespace in the background; wait (bounded) for the veth
        // to go so that detach meets the usual case of an already missing host end.
        for _ in 0..<500 where try NetworkTestFixture.linkExists(attachment.hostVeth) { usleep(20_000) }

        try fixture.manager.detach(containerID: id, attachment: attachment)
        #expect(try !NetworkTestFixture.linkExists("isltest0"))
        #expect(!FileManager.default.fileExists(atPath: "/run/isolab/network-test"))
    }

    /// Once its init ended, a container's veth is left to the kernel while others use the
    /// bridge (its lease marked gone); the last live one's detach deletes every veth still there,
    /// the bridge and the state at once. Here both namespaces are held open (as `ip netns attach`
    /// would), so both veths are still there and must not outlive the bridge.
    @Test func lastDetachDeletesTheGoneVethsStillThereAndTheBridge() throws {
        let fixture = try NetworkTestFixture()
        defer { fixture.tearDown() }
        let pidA = try fixture.startSleeper(), pidB = try fixture.startSleeper()
        let idA = NetworkTestFixture.newContainerID(), idB = NetworkTestFixture.newContainerID()
        let a = try fixture.attach(containerID: idA, pid: pidA)
        let b = try fixture.attach(containerID: idB, pid: pidB)

        try fixture.manager.detach(containerID: idA, attachment: a, namespaceGone: true)
        #expect(try NetworkTestFixture.linkExists(a.hostVeth), "left to the kernel while b uses the bridge")
        #expect(FileManager.default.fileExists(atPath: "/run/isolab/network-test/gone/\(idA)"))
        #expect(FileManager.default.fileExists(atPath: "/run/isolab/network-test/leases/\(a.ipAddress)"))

        try fixture.manager.detach(containerID: idB, attachment: b, namespaceGone: true)
        #expect(try !NetworkTestFixture.linkExists(a.hostVeth))
        #expect(try !NetworkTestFixture.linkExists(b.hostVeth))
        #expect(try !NetworkTestFixture.linkExists("isltest0"))
        #expect(!FileManager.default.fileExists(atPath: "/run/isolab/network-test"))

        // The same container again: it gets its veth name and an address back on a new bridge.
        let pidC = try fixture.startSleeper()
        let again = try fixture.attach(containerID: idA, pid: pidC)
        #expect(again.hostVeth == a.hostVeth)
        let hostTo = try NetworkTestFixture.ping(again.ipAddress)
        #expect(hostTo.status == 0, "\(hostTo.output)")
    }

    /// The real configuration through the public API. Other containers may share isolab0 at the
    /// same time, so the bridge's fate after detach is checked against the leases left.
    @Test func standardNetworkAttachesOnIsolab0() throws {
        let fixture = NetworkTestFixture(standard: ())
        defer { fixture.tearDown() }
        let pid = try fixture.startSleeper()
        let id = NetworkTestFixture.newContainerID()
        let attachment = try fixture.attach(containerID: id, pid: pid)

        #expect(attachment.bridge == "isolab0")
        #expect(attachment.gateway == "10.213.0.1")
        #expect(attachment.prefixLength == 16)
        let address = try #require(IPv4Address(attachment.ipAddress))
        #expect(try #require(IPv4Subnet("10.213.0.0/16")).contains(address))
        #expect(FileManager.default.fileExists(atPath: "/run/isolab/network/leases/\(attachment.ipAddress)"))
        let route = try NetworkTestFixture.runInside(pid, ["ip", "-4", "route", "show", "default"])
        #expect(route.output.contains("default via 10.213.0.1 dev eth0"))
        let hostTo = try NetworkTestFixture.ping(attachment.ipAddress)
        #expect(hostTo.status == 0, "\(hostTo.output)")

        try NetworkManager().detach(containerID: id, attachment: attachment)
        #expect(try !NetworkTestFixture.linkExists(attachment.hostVeth))
        #expect(!FileManager.default.fileExists(atPath: "/run/isolab/network/leases/\(attachment.ipAddress)"))
        let othersRemain = FileManager.default.fileExists(atPath: "/run/isolab/network")
        #expect(try NetworkTestFixture.linkExists("isolab0") == othersRemain)
    }

    /// A container that died without a detach leaves a lease whose veth is gone: the next attach
    /// reclaims the address, and the last detach still removes the bridge and all state.
    @Test func leaseOfAContainerThatDiedWithoutDetachIsReclaimed() throws {
        let fixture = try NetworkTestFixture()
        defer { fixture.tearDown() }
        let pidA = try fixture.startSleeper(), pidB = try fixture.startSleeper()
        let idA = NetworkTestFixture.newContainerID(), idB = NetworkTestFixture.newContainerID()
        let a = try fixture.attach(containerID: idA, pid: pidA)
        #expect(a.ipAddress == "10.214.0.2")
        fixture.kill(sleeper: pidA)
        // The kernel dismantles a dead namespace in the background: the veth goes a little later.
        for _ in 0..<500 where try NetworkTestFixture.linkExists(a.hostVeth) { usleep(20_000) }
        #expect(try !NetworkTestFixture.linkExists(a.hostVeth))
        #expect(FileManager.default.fileExists(atPath: "/run/isolab/network-test/leases/10.214.0.2"))

        let b = try fixture.attach(containerID: idB, pid: pidB)
        #expect(b.ipAddress == "10.214.0.2")
        #expect(try String(contentsOfFile: "/run/isolab/network-test/leases/10.214.0.2", encoding: .utf8) == idB)

        try fixture.manager.detach(containerID: idB, attachment: b)
        #expect(try !NetworkTestFixture.linkExists("isltest0"))
        #expect(!FileManager.default.fileExists(atPath: "/run/isolab/network-test"))
    }

    /// A pid with no process, or one in the host's own network namespace, is refused before
    /// anything is made: the host must never get an "eth0" or a default route from isolab.
    @Test func processWithoutANamespaceOfItsOwnIsRefused() throws {
        let fixture = try NetworkTestFixture()
        defer { fixture.tearDown() }
        let id = NetworkTestFixture.newContainerID()

        // Above any pid_max (at most 2^22), so no such process.
        let missing = #expect(throws: RuntimeError.self) { try fixture.attach(containerID: id, pid: 999_999_999) }
        #expect(missing?.kind == .system(errno: ENOENT))
        #expect(missing?.message == "network: stat /proc/999999999/ns/net: No such file or directory (errno 2)")

        let shared = #expect(throws: RuntimeError.self) { try fixture.attach(containerID: id, pid: getpid()) }
        #expect(shared?.kind == .invalidArgument)
        #expect(shared?.message.contains("shares the host's network namespace") == true)

        #expect(try !NetworkTestFixture.linkExists("isl" + id.prefix(11)))
        #expect(try !NetworkTestFixture.linkExists("isltest0"))
        #expect(!FileManager.default.fileExists(atPath: "/run/isolab/network-test"))
    }

    /// A second attach of the same container is refused and leaves the first one working.
    @Test func attachingTheSameContainerTwiceIsAConflict() throws {
        let fixture = try NetworkTestFixture()
        defer { fixture.tearDown() }
        let pid = try fixture.startSleeper()
        let id = NetworkTestFixture.newContainerID()
        let first = try fixture.attach(containerID: id, pid: pid)

        let error = #expect(throws: RuntimeError.self) { try fixture.manager.attach(containerID: id, pid: pid) }
        #expect(error?.kind == .conflict)
        #expect(error?.message.contains("already holds address 10.214.0.2") == true, "\(String(describing: error))")
        #expect(try NetworkTestFixture.linkExists(first.hostVeth))
        let hostTo = try NetworkTestFixture.ping(first.ipAddress)
        #expect(hostTo.status == 0, "\(hostTo.output)")
    }

    /// A namespace that already has an eth0: the veth cannot be made there; the error says so
    /// and nothing is left behind, the other eth0 included.
    @Test func namespaceWithAnEth0AlreadyIsRefusedAndRolledBack() throws {
        let fixture = try NetworkTestFixture()
        defer { fixture.tearDown() }
        let pid = try fixture.startSleeper()
        let add = try NetworkTestFixture.runInside(pid, ["ip", "link", "add", "eth0", "type", "veth", "peer", "name", "eth0p"])
        try #require(add.status == 0, "\(add.output)")   // dies with the sleeper's namespace
        let id = NetworkTestFixture.newContainerID()

        let error = #expect(throws: RuntimeError.self) { try fixture.attach(containerID: id, pid: pid) }
        #expect(error?.kind == .system(errno: EEXIST), "\(String(describing: error))")
        #expect(error?.message.contains("RTM_NEWLINK create veth isl\(id.prefix(11))") == true)
        #expect(try !NetworkTestFixture.linkExists("isl" + id.prefix(11)))
        #expect(try !NetworkTestFixture.linkExists("isltest0"))
        #expect(!FileManager.default.fileExists(atPath: "/run/isolab/network-test"))
        let dummy = try NetworkTestFixture.runInside(pid, ["ip", "-o", "link", "show", "dev", "eth0"])
        #expect(dummy.output.contains("link/ether"))
        #expect(!dummy.output.contains("02:42:"))
    }

    /// Every host routes 127.0.0.0/8 (table local): a subnet inside it must be refused before
    /// anything is created.
    @Test func subnetOverlappingAHostRouteIsRefused() throws {
        let fixture = try NetworkTestFixture(bridge: "isltest1", subnet: "127.213.0.0/16")
        defer { fixture.tearDown() }
        let pid = try fixture.startSleeper()
        let id = NetworkTestFixture.newContainerID()

        let error = #expect(throws: RuntimeError.self) { try fixture.attach(containerID: id, pid: pid) }
        #expect(error?.kind == .conflict)
        #expect(error?.message.contains("the host already routes 127.0.0.0/8") == true, "\(String(describing: error))")
        #expect(error?.message.contains("overlaps isolab's subnet 127.213.0.0/16") == true)
        #expect(try !NetworkTestFixture.linkExists("isltest1"))
        #expect(!FileManager.default.fileExists(atPath: "/run/isolab/network-test"))
    }
}
