/// Go's `text/tabwriter` as the Docker CLI configures it (min width 10, padding 3, spaces):
/// every cell but the last of a line is padded to its column's widest cell plus 3.
struct ImageTableWriter {
    static let minWidth = 10
    static let padding = 3

    /// Lays out tab-separated `lines`.
    static func render(_ lines: [String]) -> [String] {
        let rows = lines.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        var widths: [Int] = []
        for row in rows {
            for (i, cell) in row.dropLast().enumerated() {
                let w = max(minWidth, cell.count + padding)
                if i < widths.count { widths[i] = max(widths[i], w) } else { widths.append(w) }
            }
        }
        return rows.map { row in
            var out = ""
            for (i, cell) in row.enumerated() {
                if i == row.count - 1 { out += cell } else { out += cell + String(repeating: " ", count: widths[i] - cell.count) }
            }
            return out
        }
    }
}
