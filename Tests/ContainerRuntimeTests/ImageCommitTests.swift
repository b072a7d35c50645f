import Foundation
import Testing
@testable import ContainerRuntime
#if canImport(Glibc)
import Glibc
#endif

@Suite struct ImageCommitTests {
    @Test func commitCapturesChangesButNotRuntimePlaceholders() throws {
        let dir = try ImageTempDir()
        let (store, base) = try ImageFixtures.storeWithBase(dir)
        let upper = try dir.mkdir("upper")
        try dir.write("upper/data/hello.txt", "from the container\n")
        // What the runtime creates in the upper dir for its mounts:
        for placeholder in ["etc/hostname", "etc/hosts", "etc/resolv.conf"] { try dir.write("upper/" + placeholder, "") }
        try dir.mkdir("upper/proc")
        try dir.mkdir("upper/sys")
        try dir.mkdir("upper/dev/pts")
        try dir.write("upper/dev/shm/x", "tmpfs content")

        let config = ImageConfig(env: ["PATH=/bin", "A=1"], cmd: ["sh", "-c", "cat /data/hello.txt"])
        let image = try store.commit(upperDir: upper, baseImage: base, config: config, reference: "committed:v1", comment: "added hello")

        #expect(image.repoTags == ["committed:v1"])
        #expect(image.parent == base.id)
        #expect(image.layers.count == 2 && image.layers.first == base.layers.first)
        #expect(image.config == config)
        let top = try #require(image.layers.last)
        #expect(try ImageFixtures.names(store.layerPath(top) + "/layer.tar") == ["data", "data/hello.txt", "etc"])
        let lowers = try store.lowerDirs(of: image)
        #expect(lowers == [store.layerDiffPath(top), store.layerDiffPath(base.layers[0])])
        #expect(try String(decoding: FileIO.read(lowers[0] + "/data/hello.txt"), as: UTF8.self) == "from the container\n")
        #expect(!ImageFiles.exists(lowers[0] + "/etc/hostname"))

        // The base image is untouched: a container of it lacks the change.
        #expect(!ImageFiles.exists(store.layerDiffPath(base.layers[0]) + "/data/hello.txt"))
        #expect(try store.resolve("committed:v1") == image)
        let inspect = try store.inspectJSON(image)
        #expect(inspect["Comment"] as? String == "added hello")
        #expect((inspect["RootFS"] as? JSONObject)?["Layers"] as? [String] == image.layers)
        let graph = (inspect["GraphDriver"] as? JSONObject)?["Data"] as? [String: String]
        #expect(graph?["UpperDir"] == lowers[0])
        #expect(graph?["LowerDir"] == lowers[1])
        #expect(graph?["MergedDir"] == store.layerPath(top) + "/merged")
    }

    @Test func commitKeepsFileContentWrittenIntoPlaceholders() throws {
        let dir = try ImageTempDir()
        let (store, base) = try ImageFixtures.storeWithBase(dir)
        let upper = try dir.mkdir("upper")
        try dir.write("upper/etc/hosts", "10.0.0.1 db\n")
        let image = try store.commit(upperDir: upper, baseImage: base, config: base.config, reference: nil, comment: nil)
        #expect(image.repoTags.isEmpty)
        #expect(try ImageFixtures.names(store.layerPath(image.layers[1]) + "/layer.tar") == ["etc", "etc/hosts"])
    }

    @Test func commitRejectsAnInvalidReference() throws {
        let dir = try ImageTempDir()
        let (store, base) = try ImageFixtures.storeWithBase(dir)
        let upper = try dir.mkdir("upper")
        #expect(throws: RuntimeError.self) {
            try store.commit(upperDir: upper, baseImage: base, config: base.config, reference: "Bad:Name", comment: nil)
        }
    }
}
