import Testing
@testable import ContainerRuntime

struct NetworkAddressTests {
    @Test(arguments: ["10.213.0.2", "0.0.0.0", "255.255.255.255", "192.0.2.1"])
    func dottedQuadRoundTrips(text: String) throws {
        #expect(try #require(IPv4Address(text)).description == text)
    }

    @Test(arguments: ["", "10.213.0", "10.213.0.256", "10.213..1", "1.2.3.4.5", "a.b.c.d", "10.213.0.-1", "10.213.0.+1", "0010.1.1.1"])
    func malformedAddressesAreRejected(text: String) {
        #expect(IPv4Address(text) == nil)
    }

    @Test func bytesAreInNetworkOrder() throws {
        let address = try #require(IPv4Address("10.213.1.2"))
        #expect(address.bytes == [10, 213, 1, 2])
        #expect(IPv4Address(bytes: [10, 213, 1, 2]) == address)
        #expect(IPv4Address(bytes: [10, 213, 1]) == nil)
    }

    @Test func macIsDockerStyleFromTheAddress() throws {
        let address = try #require(IPv4Address("10.213.0.2"))
        #expect(NetworkManager.format(mac: address.macAddress) == "02:42:0a:d5:00:02")
    }

    @Test func subnetMasksItsNetworkAndKnowsItsBroadcast() throws {
        let subnet = try #require(IPv4Subnet("10.213.4.5/16"))
        #expect(subnet.description == "10.213.0.0/16")
        #expect(subnet.broadcast.description == "10.213.255.255")
        #expect(subnet.contains(try #require(IPv4Address("10.213.200.1"))))
        #expect(!subnet.contains(try #require(IPv4Address("10.214.0.1"))))
    }

    @Test(arguments: [
        ("10.213.0.0/16", "10.213.5.0/24", true),    // a narrower route inside
        ("10.213.0.0/16", "10.0.0.0/8", true),       // a wider route around
        ("10.213.0.0/16", "10.213.0.0/16", true),
        ("10.213.0.0/16", "10.214.0.0/16", false),
        ("10.213.0.0/16", "10.212.255.0/24", false),
        ("10.213.0.0/16", "192.0.2.0/24", false),
        ("10.213.0.0/16", "10.213.255.255/32", true),
    ])
    func overlap(a: String, b: String, expected: Bool) throws {
        let x = try #require(IPv4Subnet(a)), y = try #require(IPv4Subnet(b))
        #expect(x.overlaps(y) == expected)
        #expect(y.overlaps(x) == expected)
    }

    @Test func standardNetworkIsIsolab0On10_213() {
        let standard = NetworkConfiguration.standard
        #expect(standard.bridgeName == "isolab0")
        #expect(standard.subnet.description == "10.213.0.0/16")
        #expect(standard.gateway.description == "10.213.0.1")
        #expect(standard.leasesDirectory == "/run/isolab/network/leases")
        #expect(standard.lockPath == "/run/isolab/network.lock")
    }

    @Test func hostVethIsIslPlusElevenCharacters() throws {
        let id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
        #expect(try NetworkManager.hostVethName(containerID: id) == "isl0123456789a")
        #expect(try NetworkManager.hostVethName(containerID: "abc") == "islabc")
    }

    @Test(arguments: ["", "../x", "a b", "abc-def"])
    func containerIDsThatCannotNameAnInterfaceAreRejected(id: String) {
        #expect(throws: RuntimeError.self) { try NetworkManager.hostVethName(containerID: id) }
    }
}
