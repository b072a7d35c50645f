import Foundation

/// A folder named where labs are expected (`lab run Labs`, `lab serve Labs`): its labs.
public enum LabFolder {
    /// The folder's `.md` files, sorted by name, each as `path/name` (one `/` whatever `path`
    /// ends with); throws when the folder cannot be listed.
    public static func labFiles(in path: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        return names.filter { $0.hasSuffix(".md") }.sorted().map { base + "/" + $0 }
    }
}
