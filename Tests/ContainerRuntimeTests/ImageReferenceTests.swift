import Testing
@testable import ContainerRuntime

@Suite struct ImageReferenceTests {
    @Test(arguments: [
        ("busybox", "busybox:latest"),
        ("busybox:1.36", "busybox:1.36"),
        ("docker.io/library/busybox", "busybox:latest"),
        ("localhost:5000/app", "localhost:5000/app:latest"),
        ("localhost:5000/app:v2", "localhost:5000/app:v2"),
        ("example.com/team/app", "example.com/team/app:latest"),
    ])
    func normalizes(_ input: String, _ expected: String) {
        #expect(ImageReference.normalize(input) == expected)
    }

    @Test func splitsRepositoryAndTag() {
        #expect(ImageReference.split("localhost:5000/app:v2") == ("localhost:5000/app", "v2"))
        #expect(ImageReference.split("busybox:latest") == ("busybox", "latest"))
    }

    @Test func rejectsUppercaseNames() {
        #expect(!ImageReference.isValid("MyImage"))
        #expect(ImageReference.isValid("my-image_1.0:v1"))
    }

    @Test(arguments: ["busybox", "busybox:1.36", "localhost:5000/app:v2", "example.com/team/app", "a__b", "a--b.c_d/e:T_1.x-y",
                      "Registry.Example:443/x/y:z", "[::1]:5000/app", "sha256", "x:" + String(repeating: "t", count: 128)])
    func acceptsDockerReferences(_ reference: String) {
        #expect(ImageReference.isValid(reference))
    }

    @Test(arguments: ["../../x:y", "..", "a/../b", "./x", "a//b", "/x", "x/", "x:", ":x", "x:-t", "x:.t", "a_-b", "-a", "a-",
                      "x:" + String(repeating: "t", count: 129), String(repeating: "a", count: 256), "a b", "x:y:z",
                      "x@sha256:" + String(repeating: "0", count: 64), "", "ä"])
    func refusesWhatDockerRefuses(_ reference: String) {
        #expect(!ImageReference.isValid(reference))
    }

    @Test func idPrefixes() {
        #expect(ImageReference.idPrefix("sha256:abcdef12") == "abcdef12")
        #expect(ImageReference.idPrefix("abc") == nil)
        #expect(ImageReference.idPrefix("busybox") == nil)
    }

    @Test func mirrorFromDeb822() {
        let text = """
        Types: deb
        URIs: http://mirror.example/debian
        Suites: bookworm bookworm-updates
        Components: main

        Types: deb
        URIs: http://mirror.example/debian-security
        Suites: bookworm-security
        Components: main
        """
        #expect(DebianBootstrap.mirror(deb822: text) == "http://mirror.example/debian")
    }

    @Test func mirrorFromSourcesList() {
        let text = """
        # comment
        deb http://security.example/debian-security bookworm-security main
        deb [signed-by=/usr/share/keyrings/k.gpg arch=amd64] http://mirror.example/debian bookworm main
        """
        #expect(DebianBootstrap.mirror(sourcesListText: text) == "http://mirror.example/debian")
    }
}
