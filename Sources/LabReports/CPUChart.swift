import Foundation
import LabResults

/// The inline SVG figure of a `measure=cpu:NAME` block: CPU cores used over time, the
/// `expect-cores` band shaded, the mean as a dashed line, axes with ticks and labels.
/// Plain SVG with a viewBox, so it scales to a phone's width and prints without scripts.
enum CPUChart {
    // Drawn a little wider than a phone's content column (about 330 px), so its 13-unit text
    // still reads at about 11 px there; the page caps it at 30rem (about 1.2×) on a desktop.
    static let width = 400.0, height = 230.0
    static let left = 46.0, right = 10.0, top = 12.0, bottom = 40.0

    static func svg(_ m: CPUMeasurement, id: String) -> String {
        let plotW = width - left - right, plotH = height - top - bottom
        let tMax = niceCeiling(max(m.window, m.samples.map(\.t).max() ?? 0, 0.5))
        let peak = [m.samples.map(\.cores).max() ?? 0, m.expectHigh ?? 0, m.meanCores, 1].max() ?? 1
        let yMax = niceCeiling(peak * 1.15)
        func x(_ t: Double) -> Double { left + plotW * min(max(t, 0), tMax) / tMax }
        func y(_ c: Double) -> Double { top + plotH * (1 - min(max(c, 0), yMax) / yMax) }
        func n(_ v: Double) -> String { String(format: "%.1f", v) }

        let band = bandText(m)
        let title = "CPU cores used by \(m.subject) over \(ReportFormat.duration(m.window))"
        let desc = "\(m.samples.count) samples, mean \(String(format: "%.2f", m.meanCores)) cores" + (band.map { ", expected \($0)" } ?? "")
        var s = "<svg class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"\(ReportEscape.attribute(id))-title \(ReportEscape.attribute(id))-desc\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        s += "<title id=\"\(ReportEscape.attribute(id))-title\">\(ReportEscape.markup(title))</title>\n"
        s += "<desc id=\"\(ReportEscape.attribute(id))-desc\">\(ReportEscape.markup(desc))</desc>\n"
        s += "<rect class=\"plot\" x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(plotW))\" height=\"\(n(plotH))\"/>\n"

        if m.expectLow != nil || m.expectHigh != nil {
            let low = m.expectLow ?? 0, high = m.expectHigh ?? yMax
            s += "<rect class=\"band\" x=\"\(n(left))\" y=\"\(n(y(high)))\" width=\"\(n(plotW))\" height=\"\(n(max(y(low) - y(high), 1)))\"><title>expected \(ReportEscape.markup(band ?? ""))</title></rect>\n"
            // The label goes just above the band, where no sample line runs through it in a
            // narrow band; inside the band's top when the band reaches the top of the plot.
            let labelY = y(high) - 4 < top + 11 ? y(high) + 13 : y(high) - 4
            s += "<text class=\"band-label\" x=\"\(n(left + 4))\" y=\"\(n(labelY))\">expected \(ReportEscape.markup(bandShort(m) ?? ""))</text>\n"
        }
        // Grid and ticks: about five steps on each axis, at round values.
        let yStep = niceStep(yMax / 5)
        for value in stride(from: 0, through: yMax + yStep / 1000, by: yStep) {
            s += "<line class=\"grid\" x1=\"\(n(left))\" x2=\"\(n(left + plotW))\" y1=\"\(n(y(value)))\" y2=\"\(n(y(value)))\"/>"
            s += "<text class=\"tick\" x=\"\(n(left - 6))\" y=\"\(n(y(value) + 4))\" text-anchor=\"end\">\(Points.text(value))</text>\n"
        }
        let xStep = niceStep(tMax / 6)
        for value in stride(from: 0, through: tMax + xStep / 1000, by: xStep) {
            s += "<line class=\"tickmark\" x1=\"\(n(x(value)))\" x2=\"\(n(x(value)))\" y1=\"\(n(top + plotH))\" y2=\"\(n(top + plotH + 5))\"/>"
            s += "<text class=\"tick\" x=\"\(n(x(value)))\" y=\"\(n(top + plotH + 18))\" text-anchor=\"middle\">\(Points.text(value))</text>\n"
        }
        s += "<text class=\"axis\" x=\"\(n(left + plotW / 2))\" y=\"\(n(height - 6))\" text-anchor=\"middle\">time (s)</text>\n"
        s += "<text class=\"axis\" x=\"14\" y=\"\(n(top + plotH / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(n(top + plotH / 2)))\">CPU cores</text>\n"

        if m.samples.isEmpty {
            s += "<text class=\"empty\" x=\"\(n(left + plotW / 2))\" y=\"\(n(top + plotH / 2))\" text-anchor=\"middle\">no samples</text>\n"
        } else {
            let points = m.samples.sorted { $0.t < $1.t }.map { "\(n(x($0.t))),\(n(y($0.cores)))" }.joined(separator: " ")
            s += "<polyline class=\"series\" points=\"\(points)\"/>\n"
            let meanY = y(m.meanCores)
            s += "<line class=\"mean\" x1=\"\(n(left))\" x2=\"\(n(left + plotW))\" y1=\"\(n(meanY))\" y2=\"\(n(meanY))\"/>\n"
            // The label sits above the line, or below it when the line is near the top.
            let labelY = meanY - 6 < top + 12 ? meanY + 16 : meanY - 6
            s += "<text class=\"mean-label\" x=\"\(n(left + plotW - 4))\" y=\"\(n(labelY))\" text-anchor=\"end\">mean \(String(format: "%.2f", m.meanCores)) cores</text>\n"
        }
        s += "<line class=\"axisline\" x1=\"\(n(left))\" x2=\"\(n(left))\" y1=\"\(n(top))\" y2=\"\(n(top + plotH))\"/>"
        s += "<line class=\"axisline\" x1=\"\(n(left))\" x2=\"\(n(left + plotW))\" y1=\"\(n(top + plotH))\" y2=\"\(n(top + plotH))\"/>\n"
        s += "</svg>"
        return s
    }

    /// "0.9 to 1.1 cores", "at least 0.5 cores", or nil when nothing is expected.
    static func bandText(_ m: CPUMeasurement) -> String? {
        switch (m.expectLow, m.expectHigh) {
        case let (low?, high?): return "\(Points.text(low)) to \(Points.text(high)) cores"
        case let (low?, nil): return "at least \(Points.text(low)) cores"
        case let (nil, high?): return "at most \(Points.text(high)) cores"
        case (nil, nil): return nil
        }
    }

    /// The band in few characters for the chart's label: "0.4–0.6", "≥ 0.5", "≤ 2".
    static func bandShort(_ m: CPUMeasurement) -> String? {
        switch (m.expectLow, m.expectHigh) {
        case let (low?, high?): return "\(Points.text(low))–\(Points.text(high))"
        case let (low?, nil): return "≥ \(Points.text(low))"
        case let (nil, high?): return "≤ \(Points.text(high))"
        case (nil, nil): return nil
        }
    }

    /// The smallest 1, 2 or 5 × 10ⁿ not below `raw`, so ticks fall on round numbers.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(raw)))
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * magnitude >= raw * 0.999 {
            return factor * magnitude
        }
        return 10 * magnitude
    }

    /// An axis end on a tick: the smallest multiple of a round step not below `value`.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        let step = niceStep(value / 5)
        return (value / step).rounded(.up) * step
    }

}
