import Foundation
import Testing
@testable import ContainerRuntime
#if canImport(Glibc)
import Glibc
#endif

/// The FuzzArchive target's seed corpus, and a bounded mutation loop with a fixed seed that runs
/// the same path (load, then import, into a throwaway store) on every test run.
@Suite struct ArchiveFuzzSeedTests {
    /// Where the corpus goes: `$ISOLAB_FUZZ_CORPUS/FuzzArchive` when set (scripts feed it to the
    /// fuzzer), else a temp dir that the test removes.
    @Test(.enabled(if: ImageConditions.isRoot, "layer owners need chown"))
    func writesASeedCorpusThatLoads() throws {
        let dir = try ImageTempDir()
        let corpus: String
        if let base = ProcessInfo.processInfo.environment["ISOLAB_FUZZ_CORPUS"], !base.isEmpty {
            corpus = base + "/FuzzArchive"
        } else {
            corpus = dir.path + "/corpus"
        }
        try ImageFiles.makeDirectories(corpus)
        for (name, members) in try HostileArchives.seeds(dir) {
            try ImageFixtures.writeTar(corpus + "/" + name, members)
        }
        // Each seed is accepted by the path it is for: a seed that fails early teaches the fuzzer nothing.
        let store = ImageStore(root: dir.path + "/root")
        #expect(try store.load(path: corpus + "/docker-save.tar") == ["Loaded image: seed:1"])
        #expect(try store.load(path: corpus + "/oci-layout.tar") == ["Loaded image: seed:oci"])
        #expect(try store.importTarball(path: corpus + "/rootfs.tar", reference: "seed:import").repoTags == ["seed:import"])
    }

    /// A small deterministic generator (SplitMix64): the same mutations on every run.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
    }

    static func mutate(_ data: Data, _ rng: inout SplitMix64) -> Data {
        var bytes = [UInt8](data)
        switch rng.next() % 4 {
        case 0:    // flip a few bytes (headers are at 512-byte boundaries: favour them)
            for _ in 0..<Int(1 + rng.next() % 8) where !bytes.isEmpty {
                let i = rng.next() % 3 == 0 ? Int(rng.next() % UInt64(max(1, bytes.count / 512))) * 512 + Int(rng.next() % 160)
                                            : Int(rng.next() % UInt64(bytes.count))
                if i < bytes.count { bytes[i] = UInt8(truncatingIfNeeded: rng.next()) }
            }
        case 1:    // truncate
            bytes = Array(bytes.prefix(Int(rng.next() % UInt64(bytes.count + 1))))
        case 2:    // duplicate a block
            if bytes.count >= 512 {
                let at = Int(rng.next() % UInt64(bytes.count / 512)) * 512
                bytes.insert(contentsOf: bytes[at..<(at + 512)], at: at)
            }
        default:   // overwrite a name or size field with digits or dots
            if bytes.count >= 512 {
                let block = Int(rng.next() % UInt64(bytes.count / 512)) * 512
                let field = [0, 124, 157][Int(rng.next() % 3)]
                for k in 0..<12 where block + field + k < bytes.count {
                    bytes[block + field + k] = [UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "7"), 0][Int(rng.next() % 4)]
                }
            }
        }
        return Data(bytes)
    }

    @Test(.enabled(if: ImageConditions.isRoot, "layer owners need chown"))
    func mutatedArchivesNeverWriteOutsideTheStore() throws {
        let dir = try ImageTempDir()
        let canary = try dir.write("canary/file", "canary\n")
        var seeds: [Data] = []
        for (name, members) in try HostileArchives.seeds(dir) {
            try ImageFixtures.writeTar(dir.path + "/" + name, members)
            seeds.append(try FileIO.read(dir.path + "/" + name))
        }
        let before = try ImageFiles.listDirectory(dir.path).sorted() + ["input.tar"]
        var rng = SplitMix64(state: 0x1501ab)
        let input = dir.path + "/input.tar"
        for round in 0..<150 {
            let data = Self.mutate(seeds[round % seeds.count], &rng)
            try? ImageFiles.removeTree(input)
            #expect(FileManager.default.createFile(atPath: input, contents: data))
            let store = ImageStore(root: dir.path + "/store")
            _ = try? store.load(path: input)
            _ = try? store.importTarball(path: input, reference: "fuzz:1")
            try ImageFiles.removeTree(dir.path + "/store")
            #expect(try dir.read("canary/file") == "canary\n", "round \(round)")
            #expect(try ImageFiles.listDirectory(dir.path).sorted() == before.sorted(), "round \(round)")
        }
        #expect(ImageFiles.exists(canary))
    }
}
