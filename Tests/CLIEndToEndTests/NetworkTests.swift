import Foundation
import Testing

/// `docker network ...` and `run --network NAME`: user-defined bridges whose containers find
/// each other by name, as Docker's embedded DNS answers them (isolab: /etc/hosts entries).
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct NetworkTests {
    @Test func createListInspectRemove() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let id = try f.ok("docker network create labnet")
        #expect(id.count == 64 && id.allSatisfy(\.isHexDigit))
        let ls = try f.ok("docker network ls").split(separator: "\n").map(String.init)
        #expect(ls.first == "NETWORK ID     NAME      DRIVER    SCOPE")
        #expect(ls.dropFirst().map { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().map(String.init) }
                == [["bridge", "bridge", "local"], ["host", "host", "local"], ["labnet", "bridge", "local"], ["none", "null", "local"]])
        #expect(ls.contains { $0.hasPrefix(String(id.prefix(12)) + "   labnet") })
        #expect(try f.ok("docker network ls -q -f name=labnet") == String(id.prefix(12)))

        let json = try f.ok("docker network inspect labnet")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let n = try #require(array.first)
        #expect(n["Name"] as? String == "labnet" && n["Id"] as? String == id && n["Driver"] as? String == "bridge")
        let config = try #require(((n["IPAM"] as? [String: Any])?["Config"] as? [[String: Any]])?.first)
        let subnet = try #require(config["Subnet"] as? String)
        #expect(subnet.hasPrefix("10.215.") && subnet.hasSuffix(".0/24"))
        #expect(config["Gateway"] as? String == subnet.replacingOccurrences(of: ".0/24", with: ".1"))
        #expect((n["Containers"] as? [String: Any])?.isEmpty == true)
        #expect(json.hasPrefix("[\n    {\n        \"Name\": \"labnet\",\n        \"Id\": \""))

        let again = try f.sh("docker network create labnet")
        #expect(again.status == 1 && again.output == "Error response from daemon: network with name labnet already exists\n")
        let predefined = try f.sh("docker network rm bridge")
        #expect(predefined.status == 1 && predefined.output == "Error response from daemon: bridge is a pre-defined network and cannot be removed\n")
        let missing = try f.sh("docker network rm nosuch")
        #expect(missing.status == 1 && missing.output == "Error response from daemon: network nosuch not found\n")
        #expect(try f.sh("docker network rm -f nosuch").status == 0)
        let inspectMissing = try f.sh("docker network inspect nosuch")
        #expect(inspectMissing.status == 1 && inspectMissing.output == "[]\nError response from daemon: network nosuch not found\n")
        let arity = try f.sh("docker network create")
        #expect(arity.status == 1 && arity.output.hasPrefix("docker: 'docker network create' requires 1 argument\n\nUsage:  docker network create [OPTIONS] NETWORK\n"))
        let run = try f.sh("docker run --rm --network nosuch busybox true")
        #expect(run.status == 125 && run.output.hasPrefix("docker: Error response from daemon: network nosuch not found\n"))
        let alias = try f.sh("docker run --rm --network-alias x busybox true")
        #expect(alias.status == 125 && alias.output.hasPrefix("docker: Error response from daemon: network-scoped alias is supported only for containers in user defined networks\n"))

        #expect(try f.ok("docker network rm labnet") == "labnet")
        #expect(try f.ok("docker network ls --format '{{.Name}}'") == "bridge\nhost\nnone")
    }

    @Test func containersResolveEachOtherByName() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let id = try f.ok("docker network create appnet")
        let bridge = "isl-" + id.prefix(8)
        try f.ok("docker run -d --name alpha --network appnet --network-alias web busybox sleep 300")
        try f.ok("docker run -d --name beta --network appnet busybox sleep 300")
        #expect(try f.sh("docker exec beta ping -c1 -W2 alpha").status == 0)
        #expect(try f.sh("docker exec alpha ping -c1 -W2 beta").status == 0)
        #expect(try f.sh("docker exec beta ping -c1 -W2 web").status == 0, "--network-alias resolves too")
        #expect(try f.ok("docker inspect -f '{{.HostConfig.NetworkMode}} {{(index .NetworkSettings.Networks \"appnet\").IPPrefixLen}}' alpha") == "appnet 24")
        #expect(try f.ok("docker network inspect -f '{{len .Containers}}' appnet") == "2")
        #expect(try f.sh("ip link show \(bridge)").status == 0)

        // Not on the default bridge, as Docker: names are not resolved there.
        try f.ok("docker run -d --name gamma busybox sleep 300")
        let lookup = try f.sh("docker exec gamma ping -c1 -W1 alpha")
        #expect(lookup.status != 0 && lookup.output.contains("bad address 'alpha'"))

        let inUse = try f.sh("docker network rm appnet")
        #expect(inUse.status == 1 && inUse.output == "Error response from daemon: error while removing network: network appnet id \(id) has active endpoints\n")
        try f.ok("docker rm -f beta")
        #expect(try f.ok("docker exec alpha cat /etc/hosts").contains("beta") == false, "a member that left is no longer listed")
        try f.ok("docker rm -f alpha")
        #expect(try f.ok("docker network rm appnet") == "appnet")
        #expect(try f.sh("ip link show \(bridge)").status != 0, "the network's bridge goes with it")
    }

    /// On the default bridge, the container's own /etc/hosts names its address: the file is
    /// written after the network is attached, while the init has bind-mounted it already (it
    /// prepares its mounts before the CLI's `go`), so it must be rewritten in place.
    @Test func ownAddressIsInEtcHostsOnTheDefaultBridge() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let out = try f.ok("docker run --rm --hostname h1 busybox sh -c 'cat /etc/hosts; ip -4 -o addr show eth0'")
        let address = try #require(out.split(separator: " ").first { $0.hasPrefix("10.213.") }?.split(separator: "/").first)
        #expect(out.contains("\(address)\th1\n"), "\(out)")
    }

    @Test func connectAndDisconnect() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker network create backnet")
        try f.ok("docker run -d --name server --network backnet busybox sleep 300")
        try f.ok("docker run -d --name client busybox sleep 300")
        let hostsPath = try f.ok("docker inspect -f '{{.HostsPath}}' server")
        let inode = try f.ok("stat -c %i \(hostsPath)")
        #expect(try f.sh("docker exec client ping -c1 -W1 server").status != 0)

        try f.ok("docker network connect --alias api backnet client")
        #expect(try f.ok("docker exec client ip -4 -o addr show eth1").contains("10.215."))
        #expect(try f.sh("docker exec client ping -c1 -W2 server").status == 0)
        #expect(try f.sh("docker exec server ping -c1 -W2 api").status == 0)
        #expect(try f.ok("stat -c %i \(hostsPath)") == inode, "rewritten in place: the bind mount keeps seeing it")
        let twice = try f.sh("docker network connect backnet client")
        #expect(twice.status == 1 && twice.output == "Error response from daemon: endpoint with name client already exists in network backnet\n")

        try f.ok("docker network disconnect backnet client")
        #expect(try f.sh("docker exec client ip link show eth1").status != 0)
        #expect(try f.ok("docker exec server cat /etc/hosts").contains("client") == false)
        let clientID = try f.ok("docker inspect -f '{{.Id}}' client")
        let notOn = try f.sh("docker network disconnect backnet client")
        #expect(notOn.status == 1 && notOn.output == "Error response from daemon: container \(clientID) is not connected to network backnet\n")
    }

    @Test func namespaceRemovalLeavesNothing() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let id = try f.ok("docker network create gone")
        let cid = try f.ok("docker run -d --network gone busybox sleep 300")
        let bridge = "isl-" + id.prefix(8)
        let veth = try f.ok("docker inspect -f '{{(index .NetworkSettings.Networks \"gone\").NetworkID}}' \(cid)")
        #expect(veth == id)
        #expect(try f.sh("ip link show \(bridge)").status == 0)
        try f.ok("isolab namespace rm \(f.namespace)")
        #expect(try f.sh("ip link show \(bridge)").status != 0)
        #expect(try f.ok("ip -o link show | grep -c 'isv..\(cid.prefix(10))' || true") == "0")
        #expect(!FileManager.default.fileExists(atPath: "/run/isolab/network-" + bridge))
        let reservations = (try? FileManager.default.contentsOfDirectory(atPath: "/run/isolab/network-subnets")) ?? []
        for r in reservations {
            let text = (try? String(contentsOfFile: "/run/isolab/network-subnets/" + r, encoding: .utf8)) ?? ""
            #expect(!text.contains(id), "the subnet reservation goes with the network")
        }
        #expect(!FileManager.default.fileExists(atPath: f.root + "/networks/" + f.namespace))
    }
}
