import Testing
@testable import ContainerRuntime

/// A --network value's meaning, parsed in one place: which namespace, and for one of its own,
/// which network (what run, connect, clean-up and inspect ask, instead of comparing text).
struct NamespaceModeTests {
    @Test func aNetworkOfItsOwnIsTheBridgeNoneOrAUserNetwork() {
        #expect(NamespaceMode.network("bridge") == .bridge && NamespaceMode.network("default") == .bridge)
        #expect(NamespaceMode.network("none") == .loopbackOnly)
        #expect(NamespaceMode.network("mynet") == .user("mynet") && NamespaceMode.network("0123abcd") == .user("0123abcd"))
        for shared in ["host", "container:db", ""] { #expect(NamespaceMode.network(shared) == nil, "\(shared)") }
        #expect(NamespaceMode.network("default")?.text == "bridge" && NamespaceMode.Network.loopbackOnly.text == "none")
        #expect(NamespaceMode.Network.user("mynet").text == "mynet")
    }

    @Test func theDonorOfASharedNamespace() {
        #expect(NamespaceMode("container:db", kind: .net)?.donor == "db")
        #expect(NamespaceMode("host", kind: .net)?.donor == nil && NamespaceMode("bridge", kind: .net)?.donor == nil)
    }
}
