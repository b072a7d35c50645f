import Foundation

/// A temporary directory that stands in for a cgroup filesystem: the test plays the kernel by creating the
/// files a real mkdir would have made. Removed when the test lets go of it, also after a failure.
final class CgroupFakeTree {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "isolab-cgroup-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: false)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ relative: String) -> String { root + "/" + relative }

    /// Writes a file, making its directories first.
    func file(_ relative: String, _ content: String = "") throws {
        let full = path(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try content.write(toFile: full, atomically: false, encoding: .utf8)
    }

    func read(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: path(relative)) }
}
