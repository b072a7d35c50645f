import LabResults

/// The frame of every HTML report: one self-contained file (inline CSS, no script, no
/// network), a viewport for phones, and print rules.
public enum HTMLPage {
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="isolab">
        <title>\(ReportEscape.markup(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// Status colours follow GitHub's (green, red, orange, grey); text stays dark on light so
    /// the page prints on any printer.
    public static let css = """
    :root { --ok: #1a7f37; --bad: #cf222e; --late: #bc4c00; --off: #6e7781; --line: #d0d7de; --code: #f6f8fa; }
    * { box-sizing: border-box; }
    body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #fff;
           margin: 0 auto; padding: 1rem; max-width: 56rem; overflow-wrap: anywhere; }
    h1 { font-size: 1.6rem; margin: .5rem 0; }
    h2 { font-size: 1.35rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2rem; }
    article.lab { border-top: 3px solid var(--line); margin-top: 2rem; padding-top: .5rem; }
    article.lab h1 { font-size: 1.35rem; } article.lab h2 { font-size: 1.2rem; } article.lab h3 { font-size: 1.05rem; }
    code, pre { font: .85rem/1.45 ui-monospace, SFMono-Regular, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
    :not(pre) > code { background: var(--code); padding: .1em .3em; border-radius: 4px; }
    pre { background: var(--code); padding: .6rem .75rem; border-radius: 6px; overflow-x: auto; margin: .4rem 0; }
    a { color: #0969da; }
    /* Cells must not break words to nothing on a phone: the table scrolls sideways instead. */
    table { border-collapse: collapse; width: 100%; margin: .5rem 0; overflow-wrap: normal; }
    th[scope=row] { white-space: nowrap; }
    th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
    th { font-weight: 600; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .tablewrap { overflow-x: auto; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .5rem 0; }
    dl.facts dt { color: var(--off); } dl.facts dd { margin: 0; }
    .scorecard { border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; margin: 1rem 0; }
    .total { font-size: 2.2rem; font-weight: 700; line-height: 1.2; }
    .total small { font-size: 1rem; font-weight: 400; color: var(--off); }
    .badge { display: inline-block; border-radius: 999px; padding: 0 .6rem; font-size: .8rem; font-weight: 600;
             color: #fff; background: var(--off); white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    .badge.passed { background: var(--ok); } .badge.failed, .badge.error { background: var(--bad); }
    .badge.timed_out, .badge.partial, .badge.running { background: var(--late); }
    section.block { border: 1px solid var(--line); border-left: 6px solid var(--off); border-radius: 6px;
                    padding: .5rem .75rem; margin: .75rem 0; }
    section.block.passed { border-left-color: var(--ok); } section.block.failed, section.block.error { border-left-color: var(--bad); }
    section.block.timed_out, section.block.partial, section.block.running { border-left-color: var(--late); }
    .blockhead { display: flex; flex-wrap: wrap; gap: .25rem .6rem; align-items: baseline; }
    .blockhead .bid { font-weight: 600; } .meta { color: var(--off); font-size: .85rem; }
    .pts { font-weight: 600; font-variant-numeric: tabular-nums; }
    .message { border-left: 3px solid var(--bad); padding-left: .5rem; white-space: pre-wrap; }
    .hint { border-left: 3px solid #0969da; padding-left: .5rem; }
    .label { font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; color: var(--off); margin-top: .4rem; }
    pre.command { background: #eaeef2; }
    pre.diff .del { background: #ffebe9; color: #82071e; display: block; }
    pre.diff .ins { background: #dafbe1; color: #116329; display: block; }
    pre.diff .hunk { color: var(--off); display: block; }
    .pair { display: grid; grid-template-columns: 1fr 1fr; gap: .5rem; }
    .pair > div { min-width: 0; }
    .laberror { background: #ffebe9; border: 1px solid var(--bad); border-radius: 6px; padding: .5rem .75rem; white-space: pre-wrap; }
    figure { margin: .5rem 0; }
    svg.chart { width: 100%; height: auto; max-width: 30rem; display: block; font: 13px system-ui, sans-serif; }
    svg.chart .plot { fill: #fff; stroke: none; }
    svg.chart .band { fill: #1a7f37; fill-opacity: .15; stroke: #1a7f37; stroke-opacity: .4; stroke-dasharray: 3 3; }
    svg.chart .grid { stroke: #eaeef2; } svg.chart .tickmark, svg.chart .axisline { stroke: #57606a; }
    svg.chart .tick { fill: #57606a; } svg.chart .axis { fill: #1f2328; font-weight: 600; }
    svg.chart .series { fill: none; stroke: #0969da; stroke-width: 2; stroke-linejoin: round; }
    svg.chart .mean { stroke: #cf222e; stroke-width: 1.5; stroke-dasharray: 6 4; }
    svg.chart .band-label { fill: #116329; font-size: 12px; font-weight: 600; }
    svg.chart .mean-label { fill: #cf222e; font-weight: 600; } svg.chart .empty { fill: var(--off); }
    /* A white halo keeps a label readable where the sample line or the band's edge crosses it. */
    svg.chart .band-label, svg.chart .mean-label { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
    figcaption { font-size: .85rem; color: #57606a; }
    table.gradebook td.passed { color: var(--ok); } table.gradebook td.failed { color: var(--bad); }
    table.gradebook td.partial { color: var(--late); } table.gradebook td.missing { color: var(--off); }
    footer { margin-top: 2rem; color: var(--off); font-size: .8rem; }
    @media (max-width: 40rem) {
      body { padding: .6rem; font-size: 15px; }
      .pair { grid-template-columns: 1fr; }
      .total { font-size: 1.8rem; }
      th, td { padding: .25rem .3rem; }
      /* A phone cannot show an 80-column line; wrapped beats cut off. */
      pre { white-space: pre-wrap; overflow-wrap: anywhere; }
    }
    @media print {
      body { max-width: none; padding: 0; font-size: 11pt; }
      pre { white-space: pre-wrap; overflow: visible; border: 1px solid var(--line); }
      a { color: inherit; text-decoration: none; }
      section.block, figure, tr { break-inside: avoid; }
      h1, h2, h3, .blockhead { break-after: avoid; }
      .pair { grid-template-columns: 1fr 1fr; }
    }
    """
}
