import Foundation
import Testing
@testable import ContainerRuntime

@Suite struct ImageRemoveTests {
    @Test func refusesAnImageInUseUnlessForced() throws {
        let dir = try ImageTempDir()
        let (store, base) = try ImageFixtures.storeWithBase(dir)
        let container = "c0ffee1234567890c0ffee1234567890"
        let short = ImageDisplay.shortID(base.id)

        #expect {
            try store.remove(reference: "base:1", force: false) { _ in container }
        } throws: { error in
            (error as? RuntimeError)?.imageConflict == .referenceInUse(image: short, container: "c0ffee123456")
                && (error as? RuntimeError)?.kind == .conflict && (error as? RuntimeError)?.reference == "base:1"
                && (error as? RuntimeError)?.source == .request
        }
        #expect {
            try store.remove(reference: short, force: false) { _ in container }
        } throws: { error in
            (error as? RuntimeError)?.imageConflict == .usedByStoppedContainer(image: short, container: "c0ffee123456")
        }
        #expect {
            try store.remove(reference: "base:1", force: true, isRunning: { _ in true }) { _ in container }
        } throws: { error in
            (error as? RuntimeError)?.imageConflict == .usedByRunningContainer(image: short, container: "c0ffee123456")
        }

        // Forced: the name goes, the image stays for the container that uses it.
        #expect(try store.remove(reference: "base:1", force: true) { _ in container } == ["Untagged: base:1"])
        #expect(try store.find(base.id)?.repoTags == [])
        #expect(ImageFiles.exists(store.layerDiffPath(base.layers[0])))
    }

    @Test func removingTheLastNameDeletesImageAndUnusedLayers() throws {
        let dir = try ImageTempDir()
        let (store, base) = try ImageFixtures.storeWithBase(dir)
        let upper = try dir.mkdir("upper")
        try dir.write("upper/new", "n")
        let child = try store.commit(upperDir: upper, baseImage: base, config: base.config, reference: "child", comment: nil)
        try store.tag(source: "child", target: "child:alias")

        // A second name: only the name goes.
        #expect(try store.remove(reference: "child:alias", force: false) { _ in nil } == ["Untagged: child:alias"])
        #expect(try store.remove(reference: "child", force: false) { _ in nil }
                == ["Untagged: child:latest", "Deleted: \(child.id)", "Deleted: \(child.layers[1])"])
        #expect(try store.find("child") == nil)
        #expect(!ImageFiles.exists(store.layerPath(child.layers[1])))
        // The base layer is still used by base:1.
        #expect(ImageFiles.exists(store.layerDiffPath(base.layers[0])))
        #expect(try store.resolve("base:1") == base)
    }

    @Test func anIdWithSeveralNamesNeedsForce() throws {
        let dir = try ImageTempDir()
        let (store, base) = try ImageFixtures.storeWithBase(dir)
        try store.tag(source: "base:1", target: "base:2")
        let short = ImageDisplay.shortID(base.id)
        #expect {
            try store.remove(reference: short, force: false) { _ in nil }
        } throws: { error in
            (error as? RuntimeError)?.imageConflict == .referencedInMultipleRepositories(image: short)
        }
        #expect(try store.remove(reference: short, force: true) { _ in nil }
                == ["Untagged: base:1", "Untagged: base:2", "Deleted: \(base.id)", "Deleted: \(base.layers[0])"])
        #expect(try store.list().isEmpty)
    }

    @Test func unknownImagesAreReportedAsDockerDoes() throws {
        let dir = try ImageTempDir()
        let store = ImageStore(root: dir.path + "/root")
        #expect {
            try store.remove(reference: "nosuch", force: false) { _ in nil }
        } throws: { error in
            (error as? RuntimeError)?.kind == .notFound(.image) && (error as? RuntimeError)?.reference == "nosuch:latest"
        }
        #expect(throws: RuntimeError.self) { try store.tag(source: "nosuch", target: "x") }
        #expect {
            try store.resolve("nosuch")
        } throws: { error in
            (error as? RuntimeError)?.kind == .notFound(.image) && (error as? RuntimeError)?.operation == "find image"
                && (error as? RuntimeError)?.reference == "nosuch:latest"
        }
    }
}
