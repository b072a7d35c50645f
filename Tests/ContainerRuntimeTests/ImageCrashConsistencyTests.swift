import Foundation
import Testing
@testable import ContainerRuntime

/// What a SIGKILLed isolab leaves behind: work under `<root>/tmp` that was never renamed into place.
@Suite struct ImageCrashConsistencyTests {
    @Test func leftoversOfAKilledCommitAreIgnoredAndCleaned() throws {
        let dir = try ImageTempDir()
        let (store, base) = try ImageFixtures.storeWithBase(dir)
        // A commit killed while unpacking its layer, and one killed while writing the tags file.
        try dir.write("root/tmp/layer-999-deadbeef/diff/half-written", "parti")
        try dir.write("root/tmp/image-999-deadbeef/config.json", "{")
        try dir.write("root/images/.tmp-repositories.json-999-deadbeef", "{\"broken")

        #expect(try store.list().map(\.id) == [base.id])
        #expect(try store.resolve("base:1") == base)
        #expect(try ImageFiles.listDirectory(store.layersDir) == [ImageStore.hex(base.layers[0])])

        // The next change to the store removes what the dead process left in tmp.
        try store.tag(source: "base:1", target: "base:again")
        #expect(try ImageFiles.listDirectory(store.tempDir).isEmpty)
        #expect(try ImageFiles.listDirectory(store.imagesDir).filter { $0.hasPrefix(".") }.isEmpty)
        #expect(try store.resolve("base:again").id == base.id)
    }

    @Test func aLayerWhoseImageWasNeverStoredIsRemoved() throws {
        let dir = try ImageTempDir()
        let (store, base) = try ImageFixtures.storeWithBase(dir)
        // Killed after renaming its layer into place, before writing the image.
        let orphan = String(repeating: "ab", count: 32)
        try dir.write("root/layers/\(orphan)/diff/file", "x")
        try store.tag(source: "base:1", target: "base:again")
        #expect(try ImageFiles.listDirectory(store.layersDir) == [ImageStore.hex(base.layers[0])])
    }

    @Test func metadataIsReplacedWhole() throws {
        let dir = try ImageTempDir()
        let path = dir.path + "/state.json"
        try AtomicFile.write(Data("old".utf8), to: path)
        try AtomicFile.write(Data("new".utf8), to: path)
        #expect(try dir.read("state.json") == "new")
        #expect(try ImageFiles.listDirectory(dir.path) == ["state.json"])
    }
}
