import LabResults

extension RunResults {
    /// Each lab's name in reports, in `labs` order: its `reportKey` (the file name without
    /// `.md`), unless labs at different paths share that name (`a/lab.md`, `b/lab.md`): then
    /// each of them is named by its path relative to their common parent, without `.md`
    /// (`a/lab`, `b/lab`), so their tests, suites and gradebook columns stay apart. The same
    /// path run twice keeps one name: it is the same lab.
    var reportKeys: [String] {
        var groups: [String: [Int]] = [:]
        for (index, lab) in labs.enumerated() { groups[lab.reportKey, default: []].append(index) }
        var keys = labs.map(\.reportKey)
        for indices in groups.values {
            let paths = indices.map { labs[$0].pathComponents }
            guard Set(paths).count > 1 else { continue }
            // The longest run of leading directories every clashing path shares.
            let directories = paths.map { $0.dropLast() }
            var common = 0
            while let first = directories.first, common < first.count,
                  directories.allSatisfy({ common < $0.count && $0[$0.startIndex + common] == first[first.startIndex + common] }) {
                common += 1
            }
            for (index, components) in zip(indices, paths) {
                let relative = components.dropFirst(common).joined(separator: "/")
                let key = LabResult.stripMarkdownSuffix(relative)
                keys[index] = key.isEmpty ? keys[index] : key
            }
        }
        return keys
    }

    /// The labs paired with their names in reports.
    var labsWithKeys: [(lab: LabResult, key: String)] {
        Array(zip(labs, reportKeys)).map { (lab: $0.0, key: $0.1) }
    }
}
