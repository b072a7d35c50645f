import Foundation
import Testing

/// Section 3 of the tutorial: a layer made by `commit`, replayed with the tutorial's commands.
@Suite(.enabled(if: E2EConditions.canRunContainers, E2EConditions.reason))
struct UnionFilesystemTests {
    @Test func commitMakesALayerThatOnlyTheNewImageHas() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let image = "new_image_with_hello_" + f.tag
        // The containers first: an image a running container uses is refused even with -f.
        defer { _ = try? f.sh("docker rm -f user_of_image ufs_container; docker rmi -f \(image)") }
        try f.ok("docker run -i --name ufs_container debian bash", stdin: "echo \"Hello from container!\" > /hello.txt\nexit\n")
        let id = try f.ok("docker commit ufs_container \(image)")
        #expect(id.hasPrefix("sha256:") && id.count == 71)
        let old = try f.sh("docker run --rm debian ls -l /hello.txt")
        #expect(old.status == 2)
        #expect(old.output == "ls: cannot access '/hello.txt': No such file or directory\n")
        #expect(try f.ok("docker run --rm \(image) cat /hello.txt") == "Hello from container!")
        let listed = try f.ok("docker images | grep \(image)")
        #expect(listed.hasPrefix(image) && listed.contains("latest") && listed.contains(String(id.dropFirst(7).prefix(12))))
        let data = try f.ok("docker inspect \(image) | jq -c '.[0].GraphDriver.Data | keys'")
        #expect(data == "[\"LowerDir\",\"MergedDir\",\"UpperDir\",\"WorkDir\"]")
        // In use: rmi refuses without -f.
        try f.ok("docker run -d --name user_of_image \(image) sleep 3600")
        #expect(try f.sh("docker rmi \(image)").status != 0)
    }

    @Test func deletionsInAContainerAreWhiteoutsInTheCommittedImage() throws {
        let f = try CLIFixture()
        defer { f.close() }
        let image = "no_passwd_" + f.tag
        defer { _ = try? f.sh("docker rmi -f \(image)") }
        try f.ok("docker run --name deleter busybox rm /etc/passwd")
        try f.ok("docker commit deleter \(image)")
        #expect(try f.sh("docker run --rm \(image) ls /etc/passwd").status != 0)
        #expect(try f.sh("docker run --rm busybox ls /etc/passwd").status == 0)
    }

    @Test func twoContainersShareTheImagesLowerFiles() throws {
        let f = try CLIFixture()
        defer { f.close() }
        try f.ok("docker run -d --name ca busybox sleep 3600")
        try f.ok("docker run -d --name cb busybox sleep 3600")
        let pa = try f.ok("docker inspect -f '{{.State.Pid}}' ca")
        let pb = try f.ok("docker inspect -f '{{.State.Pid}}' cb")
        let ia = try f.ok("stat -L -c %i /proc/\(pa)/root/bin/busybox")
        let ib = try f.ok("stat -L -c %i /proc/\(pb)/root/bin/busybox")
        #expect(ia == ib, "the lower layer is shared, not copied")
    }
}
