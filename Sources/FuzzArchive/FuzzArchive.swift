import ContainerRuntime
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer target for the archive reader: each input is offered to `docker load` and to
/// `docker import` in a throwaway store under a fresh temp directory. Errors are the expected
/// answer to garbage; a crash, a hang, or a change to the canary directory beside the store
/// (a write outside it) is a finding.
///
/// Fuzzing build: `swift build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer
/// -Xswiftc -parse-as-library -Xswiftc -DFUZZING --product FuzzArchive`, then
/// `.build-fuzz/debug/FuzzArchive CORPUS_DIR -max_total_time=60`. A normal build gives a
/// program that replays the files named as arguments (a crash found earlier, a seed corpus).
enum FuzzArchive {
    /// The directory all stores are made in, with the canary beside them.
    nonisolated(unsafe) static var workDir: String?
    static let canaryText = "canary\n"

    static func run(_ data: Data) {
        guard let work = workDir ?? setUp() else { abort() }
        let input = work + "/input.tar"
        guard FileManager.default.createFile(atPath: input, contents: data) else { abort() }
        for mode in 0..<2 {
            let root = work + "/store"
            let store = ImageStore(root: root)
            if mode == 0 {
                _ = try? store.load(path: input)
            } else {
                _ = try? store.importTarball(path: input, reference: "fuzz:1")
            }
            removeStore(root)
            checkCanary(work)
        }
        unlink(input)
    }

    /// Makes the work directory and its canary once per process.
    static func setUp() -> String? {
        var template = Array("/tmp/isolab-fuzz-archive-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { return nil }
        let work = String(cString: made)
        mkdir(work + "/canary", 0o755)
        guard FileManager.default.createFile(atPath: work + "/canary/file", contents: Data(canaryText.utf8)) else { return nil }
        workDir = work
        // libFuzzer ends the process with exit(): the work dir goes with it.
        atexit {
            if let work = FuzzArchive.workDir { try? FileManager.default.removeItem(atPath: work) }
        }
        return work
    }

    /// A store's tree can hold anything an archive made (read-only dirs, whiteouts): rm -rf it.
    static func removeStore(_ root: String) {
        do { try FileManager.default.removeItem(atPath: root) } catch {
            if FileManager.default.fileExists(atPath: root) {
                try? FileHandle.standardError.write(contentsOf: Data("FuzzArchive: cannot remove \(root): \(error)\n".utf8))
                abort()
            }
        }
    }

    /// Anything but the canary's original state means something was written outside the store.
    static func checkCanary(_ work: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: work + "/canary")) ?? []
        let text = FileManager.default.contents(atPath: work + "/canary/file")
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: work)) ?? []
        let allowed: Set<String> = ["canary", "input.tar", "store"]
        guard names == ["file"], text == Data(canaryText.utf8), entries.allSatisfy(allowed.contains) else {
            try? FileHandle.standardError.write(contentsOf: Data("FuzzArchive: write outside the store: \(work) has \(entries), canary \(names)\n".utf8))
            abort()
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArchiveTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    FuzzArchive.run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}

#if FUZZING
/// SwiftPM links an executable target with `main` aliased to `<Target>_main` (so tests can link
/// the module), and that symbol would be missing with no `@main` here. It is libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@_cdecl("FuzzArchive_main")
public func fuzzArchiveMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector) { fuzzArchiveTestOneInput($0, $1) }
}
#else
/// Replays inputs: `FuzzArchive FILE...` (what libFuzzer would feed, one at a time);
/// `FuzzArchive --seeds DIR` writes the seed corpus.
@main
struct FuzzArchiveReplay {
    static func main() throws {
        let files = CommandLine.arguments.dropFirst()
        if files.first == "--seeds", files.count == 2, let dir = files.last {
            try FuzzArchiveSeeds.write(to: dir)
            return
        }
        guard !files.isEmpty else {
            try? FileHandle.standardError.write(contentsOf: Data("usage: FuzzArchive FILE... | FuzzArchive --seeds DIR\n".utf8))
            exit(2)
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                try? FileHandle.standardError.write(contentsOf: Data("FuzzArchive: cannot read \(file)\n".utf8))
                exit(2)
            }
            FuzzArchive.run(data)
            print("ok \(file)")
        }
        if let work = FuzzArchive.workDir { try? FileManager.default.removeItem(atPath: work) }
    }
}
#endif
