import Foundation
import LabResults

/// The instructor's view of a class: several results files, one per learner, as one table.
/// Columns are `lab/check-id` in order of first appearance; a learner's total is out of the
/// points of every column, so a lab the learner never ran counts as zero.
public enum Gradebook {
    /// The table. A results file without a learner name is listed as "learner N" (its
    /// position); `LabGradebookCommand` names such learners after their file instead.
    public static func table(_ runs: [RunResults]) -> GradebookTable {
        var columns: [GradebookTable.Column] = []
        var index: [String: Int] = [:]
        for run in runs {
            for (lab, key) in run.labsWithKeys {
                for check in lab.checks {
                    let name = "\(key)/\(check.id)"
                    if let i = index[name] {
                        columns[i].maxScore = max(columns[i].maxScore, check.maxScore)
                    } else {
                        index[name] = columns.count
                        columns.append(.init(name: name, maxScore: check.maxScore))
                    }
                }
            }
        }
        let maxTotal = columns.reduce(0) { $0 + $1.maxScore }
        let rows = runs.enumerated().map { position, run -> GradebookTable.Row in
            var scores = [Double?](repeating: nil, count: columns.count)
            for (lab, key) in run.labsWithKeys {
                for check in lab.checks {
                    guard let i = index["\(key)/\(check.id)"] else { continue }
                    // A lab run twice in one file: its last run counts, like a resubmission.
                    scores[i] = check.score
                }
            }
            let total = scores.reduce(0) { $0 + ($1 ?? 0) }
            return .init(learner: run.learner ?? "learner \(position + 1)", scores: scores, total: total, maxScore: maxTotal)
        }
        return GradebookTable(columns: columns, rows: rows)
    }

    /// RFC 4180 CSV: a header `learner,<lab/check>...,total,max_score`, then a row per learner;
    /// a check the learner has no result for is an empty cell. Lines end in CRLF, as the RFC
    /// and spreadsheets expect.
    public static func csv(_ runs: [RunResults]) -> String {
        let t = table(runs)
        var lines = [(["learner"] + t.columns.map(\.name) + ["total", "max_score"]).map { ReportEscape.csv($0) }.joined(separator: ",")]
        for row in t.rows {
            let cells = [ReportEscape.csv(row.learner)]
                + row.scores.map { $0.map(Points.text) ?? "" }
                + [Points.text(row.total), Points.text(row.maxScore)]
            lines.append(cells.joined(separator: ","))
        }
        return lines.map { $0 + "\r\n" }.joined()
    }

    /// The table as aligned plain text for a terminal, with a points row under the header.
    public static func text(_ runs: [RunResults]) -> String {
        let t = table(runs)
        // Names and ids come from learners' files: no control character reaches the terminal.
        var grid: [[String]] = [["learner"] + t.columns.map { TerminalText.cell($0.name) } + ["total"]]
        grid.append(["(points)"] + t.columns.map { Points.text($0.maxScore) } + [Points.text(t.rows.first?.maxScore ?? t.columns.reduce(0) { $0 + $1.maxScore })])
        for row in t.rows {
            grid.append([TerminalText.cell(row.learner)] + row.scores.map { $0.map(Points.text) ?? "-" } + [Points.text(row.total)])
        }
        let widths = (0..<(grid.first?.count ?? 0)).map { column in grid.map { $0[column].count }.max() ?? 0 }
        return grid.map { cells in
            cells.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return i == 0 ? cell + pad : pad + cell   // names left, numbers right
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }

    /// A self-contained HTML page of the table, phone-readable and printable like the reports.
    public static func html(_ runs: [RunResults]) -> String {
        let t = table(runs)
        var s = "<header>\n<h1>Gradebook</h1>\n<p class=\"meta\">\(t.rows.count) learners, \(t.columns.count) checks, \(Points.text(t.columns.reduce(0) { $0 + $1.maxScore })) points.</p>\n</header>\n"
        s += "<div class=\"tablewrap\"><table class=\"gradebook\">\n<thead><tr><th>Learner</th>"
        for column in t.columns {
            // A line may break after the lab's slash, so narrow screens get two short lines.
            let name = ReportEscape.markup(column.name).replacingOccurrences(of: "/", with: "/<wbr>")
            s += "<th class=\"num\"><code>\(name)</code><br><small>\(Points.text(column.maxScore)) pts</small></th>"
        }
        s += "<th class=\"num\">Total</th><th class=\"num\">%</th></tr></thead>\n<tbody>\n"
        for row in t.rows {
            s += "<tr><th scope=\"row\">\(ReportEscape.markup(row.learner))</th>"
            for (score, column) in zip(row.scores, t.columns) {
                guard let score else { s += "<td class=\"num missing\">–</td>"; continue }
                let status = score >= column.maxScore ? "passed" : (score > 0 ? "partial" : "failed")
                s += "<td class=\"num \(status)\">\(Points.text(score))</td>"
            }
            let percent = ReportFormat.percent(row.total, of: row.maxScore)
            s += "<td class=\"num\"><strong>\(Points.text(row.total)) / \(Points.text(row.maxScore))</strong></td><td class=\"num\">\(percent)</td></tr>\n"
        }
        s += "</tbody>\n</table></div>\n"
        return HTMLPage.document(title: "isolab gradebook", body: s)
    }
}
