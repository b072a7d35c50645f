import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Go's text/tabwriter as the Docker CLI configures it (min width 10, padding 3, spaces): every
/// cell but the last of a line is padded to its column's widest cell plus three.
public struct TableWriter {
    public var rows: [[String]] = []
    public init(header: [String]) { rows = [header] }
    public mutating func add(_ row: [String]) { rows.append(row) }

    public func render() -> String { Self.align(rows).map { $0 + "\n" }.joined() }

    /// Lays out rows of cells (tab-separated lines split by the caller). `top` uses a minimum
    /// width of 20, the other tables 10.
    public static func align(_ rows: [[String]], minWidth: Int = 10) -> [String] {
        var widths: [Int] = []
        for row in rows {
            for (i, cell) in row.dropLast().enumerated() {
                let w = max(minWidth, cell.count + 3)
                if i < widths.count { widths[i] = max(widths[i], w) } else { widths.append(w) }
            }
        }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined()
        }
    }
}
