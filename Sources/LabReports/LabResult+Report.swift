extension LabResult {
    /// The lab's name in test names, JUnit classnames and gradebook columns: the file name
    /// without `.md`. The base name, not the path, so the same lab run from different
    /// directories by different learners lands in the same gradebook column.
    var reportKey: String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let key = base.hasSuffix(".md") ? String(base.dropLast(3)) : base
        return key.isEmpty ? title : key
    }

    /// The checks, the blocks that carry points.
    var checks: [BlockResult] { blocks.filter { $0.kind == .check } }
}
