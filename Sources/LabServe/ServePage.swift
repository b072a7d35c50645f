import Foundation
import LabEngine
import LabFormat
import LabReports
import LabResults

/// The server's HTML: the index of labs and a lab's page (its prose rendered as the report
/// renders it, each step a card with its buttons, the terminal beside). Everything from a lab or
/// a command is escaped; the pages load scripts from this server only.
enum ServePage {
    static func document(title: String, body: String, lab: Int? = nil) -> String {
        let labAttribute = lab.map { " data-lab=\"\($0)\"" } ?? ""
        return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(ReportEscape.markup(title))</title>
        <link rel="stylesheet" href="/assets/report.css">
        <link rel="stylesheet" href="/assets/xterm.css">
        <link rel="stylesheet" href="/assets/serve.css">
        <script src="/assets/xterm.js" defer></script>
        <script src="/assets/serve.js" defer></script>
        </head>
        <body\(labAttribute)>
        \(body)
        </body>
        </html>

        """
    }

    static func index(_ hubs: [LabHub]) -> String {
        var rows = ""
        for hub in hubs {
            let t = hub.totals()
            rows += "<tr><td><a href=\"/lab/\(hub.index)\">\(ReportEscape.markup(hub.lab.title))</a></td>"
            rows += "<td>\(t.total)</td><td>\(Points.text(t.maxScore))</td>"
            rows += "<td data-progress>\(t.done)/\(t.total) done · \(Points.text(t.score))/\(Points.text(t.maxScore)) points</td></tr>\n"
        }
        return document(title: "isolab labs", body: """
            <header class="serve"><strong>isolab</strong> · labs</header>
            <main class="index">
            <table class="labs"><thead><tr><th>Lab</th><th>Steps</th><th>Points</th><th>Progress</th></tr></thead>
            <tbody>
            \(rows)</tbody></table>
            <p class="meta">The labs run real containers on this machine, as root. Progress is shared with <code>isolab lab walk --resume</code>.</p>
            </main>
            """)
    }

    static func lab(_ hub: LabHub, terminalAvailable: Bool) -> String {
        var cards: [Int: String] = [:]
        for block in hub.document.blocks { cards[block.location.line] = card(block, hub: hub) }
        let (prose, unplaced) = HTMLProse.render(markdown: hub.lab.source, cards: cards)
        var article = prose
        for line in unplaced { article += cards[line] ?? "" }
        let t = hub.totals()
        let terminal = terminalAvailable
            ? "<div id=\"terminal\" aria-label=\"terminal\"></div>"
            : "<div id=\"terminal\" class=\"missing\">The terminal needs xterm.js, which <code>scripts/setup.sh</code> bundles. Use a terminal of your own with the line below.</div>"
        return document(title: hub.lab.title, body: """
            <header class="serve"><a href="/">isolab</a> · \(ReportEscape.markup(hub.lab.title))
            · <span id="progress">\(t.done)/\(t.total) done · \(Points.text(t.score))/\(Points.text(t.maxScore)) points</span>
            · <a href="/lab/\(hub.index)/report" target="_blank" rel="noopener">Report</a>
            · namespace <code>\(ReportEscape.markup(hub.namespace))</code></header>
            <main class="split">
            <article id="prose" class="prose">
            \(article)
            </article>
            <aside id="side">
            \(terminal)
            <p class="meta">In another terminal: <code>\(ReportEscape.markup(hub.driver.exportLine))</code></p>
            </aside>
            </main>
            """, lab: hub.index)
    }

    /// A step or exercise: its commands as typed, its buttons, where its output goes.
    static func card(_ block: LabBlock, hub: LabHub) -> String {
        let id = ReportEscape.attribute(block.id)
        let status = hub.status(of: block)
        let typed = WalkDocument.typedLines(block).joined(separator: "\n")
        var s = "<section class=\"step \(block.kind.rawValue)\" data-step=\"\(id)\" data-kind=\"\(block.kind.rawValue)\" data-status=\"\(status)\">\n"
        s += "<div class=\"stephead\"><code>#\(ReportEscape.markup(block.id))</code>"
        if block.kind == .check { s += " <span class=\"pts\">\(Points.text(block.points)) pts</span>" }
        s += " <span class=\"state\" data-state>\(status)</span></div>\n"
        s += "<pre class=\"typed\">\(ReportEscape.markup(typed))</pre>\n"
        s += "<div class=\"actions\">"
        if block.kind == .check {
            s += "<button type=\"button\" data-action=\"check\">Check</button>"
            let reveal = hub.current.canRevealSolution(block, in: hub.lab, afterFailures: LabHub.failuresBeforeSolution)
            s += " <button type=\"button\" class=\"link\" data-action=\"solution\"\(reveal ? "" : " hidden")>show solution</button>"
        } else {
            s += "<button type=\"button\" data-action=\"run\">Run</button>"
            s += " <button type=\"button\" class=\"secondary\" data-action=\"type\">Type it</button>"
        }
        s += "</div>\n<pre class=\"output\" data-output></pre>\n<div class=\"chart\" data-chart></div>\n<div class=\"verdict\" data-verdict></div>\n"
        return s + "</section>\n"
    }

    /// The end of a block. The output is already on the page as it came: a block that passed
    /// says so in one line; one that did not (or measured CPU) shows the report's card, with the
    /// message, the diff, the hint and the chart.
    static func resultHTML(_ result: BlockResult) -> String {
        if result.status == .passed, result.measure == nil, result.score >= result.maxScore {
            return "<p class=\"meta\">\(HTMLReport.badge(result)) in \(ReportEscape.markup(ReportFormat.duration(result.duration)))</p>"
        }
        return HTMLReport.card(result, anchor: "result-" + result.id)
    }
}
