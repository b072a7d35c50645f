import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `--format` of the list commands (ps, images, stats): a Go template per row; a leading
/// `table` adds a header (the same template over the column titles) and aligns the columns
/// as Docker's tabwriter does. `json` is each row as one line of JSON, and `table` alone the
/// command's default table, as docker/cli's.
public enum FormattedList {
    public static func render(format: String, rows: [[String: Any]], headers: [String: Any], defaultTable: String? = nil) throws -> String {
        if format == "json" { return try render(format: "{{json .}}", rows: rows, headers: headers) }
        if format == "table", let defaultTable { return try render(format: defaultTable, rows: rows, headers: headers) }
        let isTable = format.hasPrefix("table")
        var body = isTable ? String(format.dropFirst(5)) : format
        if isTable { body = body.trimming([" "]) }
        let template = try GoTemplate(body)
        var lines = try rows.map { try template.render($0) }
        if isTable {
            lines.insert(try template.render(headers), at: 0)
            lines = TableWriter.align(lines.map { $0.components(separatedBy: "\t") })
        }
        return lines.map { $0 + "\n" }.joined()
    }
}
