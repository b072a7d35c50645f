import Foundation
@testable import ContainerRuntime
#if canImport(Glibc)
import Glibc
#endif

/// A temp directory removed at the end of the test, with what was mounted under it unmounted first
/// (last in, first out).
final class ImageIntegrationDir {
    let path: String
    private var mounts: [String] = []

    init() throws {
        var template = Array("/tmp/isolab-image-it-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw RuntimeError.errno("mkdtemp", "/tmp") }
        path = ImageFiles.canonicalPath(String(cString: made))
    }

    deinit {
        for target in mounts.reversed() { umount2(target, Int32(MNT_DETACH)) }
        try? ImageFiles.removeTree(path)
    }

    func mkdir(_ rel: String) throws -> String {
        try ImageFiles.makeDirectories(path + "/" + rel)
        return path + "/" + rel
    }

    /// Mounts an overlay of `lowers` (top first) with `upper` at `merged`; unmounted at deinit.
    func mountOverlay(lowers: [String], upper: String, work: String, merged: String) throws {
        let options = "lowerdir=\(lowers.joined(separator: ":")),upperdir=\(upper),workdir=\(work)"
        guard mount("overlay", merged, "overlay", 0, options) == 0 else { throw RuntimeError.errno("mount overlay", merged) }
        mounts.append(merged)
    }

    func unmount(_ target: String) throws {
        guard umount2(target, 0) == 0 else { throw RuntimeError.errno("umount", target) }
        mounts.removeAll { $0 == target }
    }

    /// Runs `argv` and returns (exit status, stdout).
    func run(_ argv: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: argv[0])
        p.arguments = Array(argv.dropFirst())
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: out, as: UTF8.self))
    }
}
