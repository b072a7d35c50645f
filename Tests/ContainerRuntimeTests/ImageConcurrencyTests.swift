import Foundation
import Testing
@testable import ContainerRuntime

/// Several isolab processes may change one root at once; every change takes the root's flock
/// (one open file description each, so threads exclude each other as processes do).
@Suite struct ImageConcurrencyTests {
    @Test func concurrentCommitsAndTagsAllLand() throws {
        let dir = try ImageTempDir()
        let (_, base) = try ImageFixtures.storeWithBase(dir)
        let count = 6
        var uppers: [String] = []
        for i in 0..<count {
            uppers.append(try dir.mkdir("upper\(i)"))
            try dir.write("upper\(i)/file\(i)", "\(i)\n")
        }
        let failures = ImageFailureLog()
        DispatchQueue.concurrentPerform(iterations: count) { i in
            do {
                // A store value per "process".
                let store = ImageStore(root: dir.path + "/root")
                _ = try store.commit(upperDir: uppers[i], baseImage: base, config: base.config, reference: "c\(i)", comment: nil)
                try store.tag(source: "c\(i)", target: "all:\(i)")
            } catch {
                failures.add("\(i): \(error)")
            }
        }
        #expect(failures.messages.isEmpty)
        let store = ImageStore(root: dir.path + "/root")
        let images = try store.list()
        #expect(images.count == count + 1)
        for i in 0..<count {
            let image = try store.resolve("all:\(i)")
            #expect(image.repoTags == ["all:\(i)", "c\(i):latest"])
            let top = try #require(try store.lowerDirs(of: image).first)
            #expect(try ImageFiles.listDirectory(top) == ["file\(i)"])
        }
        #expect(try ImageFiles.listDirectory(store.layersDir).count == count + 1)
        #expect(try ImageFiles.listDirectory(store.tempDir).isEmpty)
    }
}

/// Errors collected from concurrent work.
final class ImageFailureLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ message: String) { lock.lock(); list.append(message); lock.unlock() }
    var messages: [String] { lock.lock(); defer { lock.unlock() }; return list }
}
