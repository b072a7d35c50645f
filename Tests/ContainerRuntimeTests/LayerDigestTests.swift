import Foundation
import Testing
@testable import ContainerRuntime

@Suite struct LayerDigestTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256KnownVectors(_ input: String, _ hex: String) {
        #expect(SHA256Digest.digest(Data(input.utf8)) == "sha256:" + hex)
    }

    @Test func sha256StreamingMatchesOneShot() {
        let data = Data((0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        var streaming = SHA256Digest()
        for chunk in stride(from: 0, to: data.count, by: 777) {
            streaming.update(data.subdata(in: chunk..<min(chunk + 777, data.count)))
        }
        #expect("sha256:" + streaming.finalizeHex() == SHA256Digest.digest(data))
    }

    @Test func sameMembersGiveTheSameDiffID() throws {
        let dir = try ImageTempDir()
        let first = try ImageFixtures.writeTar(dir.path + "/1.tar", ImageFixtures.baseRootfs)
        let second = try ImageFixtures.writeTar(dir.path + "/2.tar", ImageFixtures.baseRootfs)
        #expect(first == second)
        // The digest is of the bytes on disk: what `sha256sum` of the tar says.
        #expect(first == SHA256Digest.digest(try FileIO.read(dir.path + "/1.tar")))
    }

    @Test func importingTheSameTarTwiceSharesOneLayer() throws {
        let dir = try ImageTempDir()
        let (store, first) = try ImageFixtures.storeWithBase(dir)
        let again = try store.importTarball(path: dir.path + "/base.tar", reference: "base:2")
        #expect(first.layers == again.layers)
        #expect(try ImageFiles.listDirectory(store.layersDir).count == 1)
        #expect(try store.lowerDirs(of: again) == [store.layerDiffPath(first.layers[0])])
    }

    @Test func gzipLayerHasTheDiffIDOfItsPlainTar() throws {
        let dir = try ImageTempDir()
        let plain = try ImageFixtures.writeTar(dir.path + "/l.tar", ImageFixtures.baseRootfs)
        try ImageFixtures.writeTar(dir.path + "/l.tar.gz", ImageFixtures.baseRootfs, gzip: true)
        let store = ImageStore(root: dir.path + "/root")
        let image = try store.importTarball(path: dir.path + "/l.tar.gz", reference: nil)
        #expect(image.layers == [plain])
    }
}
