import Foundation

/// Docker's tabwriter settings (minwidth 10, padding 3): every column but the last is padded
/// to its widest cell plus three spaces.
public struct TableWriter {
    public var rows: [[String]] = []
    public init(header: [String]) { rows = [header] }
    public mutating func add(_ row: [String]) { rows.append(row) }

    public func render() -> String {
        guard let cols = rows.map(\.count).max(), cols > 0 else { return "" }
        var widths = [Int](repeating: 0, count: cols)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        return rows.map { r in
            r.enumerated().map { i, c in
                i == r.count - 1 ? c : c.padding(toLength: max(10, widths[i] + 3), withPad: " ", startingAt: 0)
            }.joined()
        }.joined(separator: "\n") + "\n"
    }
}
