import Foundation
import LabResults
import LabFormat

/// The `--html FILE` report: one self-contained page a learner opens on a phone or prints.
/// Each lab's prose is rendered by cmark with every block's result shown in place; a score
/// card sits at the top.
public enum HTMLReport {
    /// The whole run as one HTML document. Everything that came from a lab or a command is
    /// escaped; the lab's own raw HTML is left out (cmark's safe mode).
    public static func html(_ r: RunResults) -> String {
        let heading = r.labs.count == 1 ? r.labs[0].title : "\(r.labs.count) labs"
        var body = "<header>\n<h1>\(ReportEscape.markup(heading))</h1>\n" + facts(r) + "</header>\n"
        body += scoreCard(r)
        for (index, lab) in r.labs.enumerated() {
            body += labArticle(lab, index: index)
        }
        body += "<footer>Written by \(ReportEscape.markup(r.tool)) at \(ReportEscape.markup(ReportFormat.date(r.finishedAt))).</footer>"
        return HTMLPage.document(title: "isolab: \(heading)", body: body)
    }

    /// The anchor of a block's card: lab index and block index keep it unique across labs,
    /// the id (reduced to safe characters) keeps it readable in a URL.
    static func anchor(lab: Int, block: Int, id: String) -> String {
        let safe = String(id.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII || $0 == "-" || $0 == "_" ? Character($0) : "_" })
        return "lab\(lab + 1)-\(block + 1)-\(safe)"
    }

    /// A lab error after its label: on the same line when it is one line; an invalid lab's
    /// diagnostics, one per line, start on a line of their own (the box keeps line breaks),
    /// so the first one does not read as part of the label.
    private static func errorText(_ error: String) -> String {
        (error.contains("\n") ? "\n" : " ") + ReportEscape.markup(error)
    }

    private static func facts(_ r: RunResults) -> String {
        var rows: [(String, String)] = []
        if let learner = r.learner { rows.append(("Learner", learner)) }
        rows += [
            ("Mode", r.mode.rawValue),
            ("Started", ReportFormat.date(r.startedAt)),
            ("Took", ReportFormat.duration(r.finishedAt.timeIntervalSince(r.startedAt))),
            ("Host", "\(r.host.hostname) (\(r.host.architecture))"),
            ("Kernel", r.host.kernel),
            ("cgroup", r.host.cgroupVersion),
        ]
        if let busybox = r.host.busyboxImage { rows.append(("busybox image", busybox)) }
        return "<dl class=\"facts\">\n" + rows.map { "<dt>\($0.0)</dt><dd>\(ReportEscape.markup($0.1))</dd>" }.joined(separator: "\n") + "\n</dl>\n"
    }

    private static func scoreCard(_ r: RunResults) -> String {
        let score = r.totalScore, max = r.totalMaxScore
        var s = "<section class=\"scorecard\" aria-label=\"Score\">\n"
        let percent = max > 0 ? " <small>\(ReportFormat.percent(score, of: max))</small>" : ""
        s += "<div class=\"total\"><span class=\"score\">\(Points.text(score)) / \(Points.text(max))</span> <small>points</small>\(percent)</div>\n"
        let blocks = r.labs.flatMap(\.blocks)
        let failed = blocks.filter { !$0.isFullyPassed && $0.status != .skipped }.count
        let skipped = blocks.filter { $0.status == .skipped }.count
        s += "<p class=\"meta\">\(blocks.count) blocks: \(blocks.count - failed - skipped) passed, \(failed) not passed, \(skipped) skipped.</p>\n"
        // A lab that could not run has no checks to list below; its error must not hide at the bottom.
        for (lab, key) in r.labsWithKeys {
            guard let error = lab.error, !error.isEmpty else { continue }
            s += "<p class=\"laberror\"><strong>\(ReportEscape.markup(key)):</strong>\(errorText(error))</p>\n"
        }
        let keys = r.reportKeys
        let rows = r.labs.enumerated().flatMap { labIndex, lab in
            lab.blocks.enumerated().filter { $0.element.kind == .check }.map { (labIndex, keys[labIndex], $0.offset, $0.element) }
        }
        if !rows.isEmpty {
            s += "<div class=\"tablewrap\"><table>\n<thead><tr><th>Check</th><th>Status</th><th class=\"num\">Points</th></tr></thead>\n<tbody>\n"
            for (labIndex, key, blockIndex, check) in rows {
                let name = r.labs.count > 1 ? "\(key)/\(check.id)" : check.id
                s += "<tr><td><a href=\"#\(anchor(lab: labIndex, block: blockIndex, id: check.id))\"><code>\(ReportEscape.markup(name))</code></a></td>"
                s += "<td>\(badge(check))</td><td class=\"num\">\(Points.text(check.score)) / \(Points.text(check.maxScore))</td></tr>\n"
            }
            s += "</tbody>\n</table></div>\n"
        }
        return s + "</section>\n"
    }

    private static func labArticle(_ lab: LabResult, index: Int) -> String {
        var s = "<article class=\"lab\">\n"
        // The lab's own first heading is its title; a second copy above it would only repeat it.
        let firstLine = SourceLines.split(lab.markdown).first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        if firstLine.map({ $0.trimmingCharacters(in: .whitespaces) == "# " + lab.title }) != true {
            s += "<h2>\(ReportEscape.markup(lab.title))</h2>\n"
        }
        var meta = ["<code>\(ReportEscape.markup(lab.path))</code>", badge(lab.status),
                    "\(Points.text(lab.score)) / \(Points.text(lab.maxScore)) points",
                    ReportFormat.duration(lab.duration)]
        if let namespace = lab.namespace { meta.append("namespace <code>\(ReportEscape.markup(namespace))</code>") }
        s += "<p class=\"meta\">" + meta.joined(separator: " · ") + "</p>\n"
        if let error = lab.error, !error.isEmpty {
            s += "<div class=\"laberror\" role=\"alert\"><strong>Lab error:</strong>\(errorText(error))</div>\n"
        }
        // Cards by opening line; two blocks can only share a line if the engine had no line for them.
        var cards: [Int: String] = [:]
        var lineless: [String] = []
        for (blockIndex, block) in lab.blocks.enumerated() {
            let html = card(block, anchor: anchor(lab: index, block: blockIndex, id: block.id))
            if block.line > 0 { cards[block.line, default: ""] += html } else { lineless.append(html) }
        }
        let prose = HTMLProse.render(markdown: lab.markdown, cards: cards)
        s += "<div class=\"prose\">\n" + prose.html + "</div>\n"
        let leftOver = prose.unplaced.compactMap { cards[$0] } + lineless
        if !leftOver.isEmpty {
            s += "<h3>Blocks not found in the lab's text</h3>\n" + leftOver.joined()
        }
        return s + "</article>\n"
    }
}
