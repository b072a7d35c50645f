import LabResults

extension LabResult {
    /// The lab's name in test names, JUnit classnames and gradebook columns when no other lab
    /// of the run has the same file name: the file name without `.md`. The base name, not the
    /// path, so the same lab run from different directories by different learners lands in
    /// the same gradebook column. `RunResults.reportKeys` decides when it is not enough.
    var reportKey: String {
        let key = Self.stripMarkdownSuffix(pathComponents.last ?? path)
        return key.isEmpty ? title : key
    }

    /// The path's components without empty and `.` ones, so `./a//lab.md` is `a`, `lab.md`.
    var pathComponents: [String] {
        path.split(separator: "/").map(String.init).filter { $0 != "." }
    }

    static func stripMarkdownSuffix(_ name: String) -> String {
        name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// The checks, the blocks that carry points.
    var checks: [BlockResult] { blocks.filter { $0.kind == .check } }
}
