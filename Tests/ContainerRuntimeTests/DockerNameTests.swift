import Testing
@testable import ContainerRuntime

/// Docker's name rule, written once, for container names, network names and network aliases,
/// each with its own bounds and words.
struct DockerNameTests {
    @Test func theRuleAndItsBounds() {
        for good in ["a", "web-1", "db_2.local", "A9"] { #expect(DockerName.isValid(good), "\(good)") }
        for bad in ["", "-a", ".a", "_a", "a b", "a/b", "é", "ab\u{301}", "a\n"] { #expect(!DockerName.isValid(bad), "\(bad)") }
        #expect(!DockerName.isValid("a", minLength: 2) && DockerName.isValid("ab", minLength: 2))
        #expect(DockerName.isValid(String(repeating: "a", count: 128), maxBytes: 128))
        #expect(!DockerName.isValid(String(repeating: "a", count: 129), maxBytes: 128))
    }

    @Test func eachUseKeepsItsBoundsAndWords() throws {
        #expect(try Runtime.validName("/web") == "web")
        let short = #expect(throws: RuntimeError.self) { try Runtime.validName("w") }
        #expect(short?.operation == "name container" && short?.reference == "w" && short?.source == .request)
        #expect(short?.message == "invalid container name \"w\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed")
        #expect(throws: Never.self) { try NetworkStore.validateName("n") }
        let net = #expect(throws: RuntimeError.self) { try NetworkStore.validateName(String(repeating: "n", count: 129)) }
        #expect(net?.message.hasSuffix("\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed") == true && net?.operation == "create network")
        #expect(throws: Never.self) { try Runtime.validateAliases(["a", String(repeating: "a", count: 253)]) }
        let alias = #expect(throws: RuntimeError.self) { try Runtime.validateAliases(["ok", "no way"]) }
        #expect(alias?.message == "invalid network alias \"no way\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed")
        #expect(throws: RuntimeError.self) { try Runtime.validateAliases([String(repeating: "a", count: 254)]) }
    }
}
