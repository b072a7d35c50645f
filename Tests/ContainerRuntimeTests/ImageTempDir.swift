import Foundation
import Testing
@testable import ContainerRuntime
#if canImport(Glibc)
import Glibc
#endif

/// A temporary directory that the test removes when done (also on failure).
final class ImageTempDir {
    let path: String

    init(_ label: String = "isolab-image-test") throws {
        var template = Array("/tmp/\(label)-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw RuntimeError.errno("mkdtemp", "/tmp") }
        path = ImageFiles.canonicalPath(String(cString: made))
    }

    deinit { try? ImageFiles.removeTree(path) }

    /// Writes a file (parents created) and returns its path.
    @discardableResult
    func write(_ rel: String, _ text: String, mode: mode_t = 0o644) throws -> String {
        let full = path + "/" + rel
        try ImageFiles.makeDirectories((full as NSString).deletingLastPathComponent)
        guard FileManager.default.createFile(atPath: full, contents: Data(text.utf8)) else { throw RuntimeError.errno("create", full) }
        chmod(full, mode)
        return full
    }

    func mkdir(_ rel: String) throws -> String {
        let full = path + "/" + rel
        try ImageFiles.makeDirectories(full)
        return full
    }

    func read(_ rel: String) throws -> String {
        String(decoding: try FileIO.read(path + "/" + rel), as: UTF8.self)
    }
}
