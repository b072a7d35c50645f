import Foundation
import LabResults

/// The `--junit FILE` report: JUnit XML as CI systems read it (GitLab, Jenkins, GitHub
/// test-reporter actions): a `<testsuite>` per lab, a `<testcase>` per block with
/// `classname` = the lab and `name` = the block id.
public enum JUnitReport {
    /// The run as one `<testsuites>` document. Every value is escaped; characters XML cannot
    /// carry are shown as Control Pictures (see `ReportEscape`).
    public static func xml(_ r: RunResults) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let counts = r.labs.map(Counts.init)
        let total = counts.reduce(Counts.zero, +)
        out += "<testsuites" + attributes([
            ("name", r.tool), ("tests", "\(total.tests)"), ("failures", "\(total.failures)"),
            ("errors", "\(total.errors)"), ("skipped", "\(total.skipped)"),
            ("time", ReportFormat.seconds(r.finishedAt.timeIntervalSince(r.startedAt))),
            ("timestamp", ReportFormat.date(r.startedAt)),
        ]) + ">\n"
        for ((lab, key), count) in zip(r.labsWithKeys, counts) {
            out += suite(lab, key: key, count, r)
        }
        out += "</testsuites>\n"
        return out
    }

    /// The name of the testcase that carries a lab-level error; parentheses keep it apart
    /// from block ids.
    static let labCaseName = "(lab)"

    private static func suite(_ lab: LabResult, key: String, _ count: Counts, _ r: RunResults) -> String {
        var out = "  <testsuite" + attributes([
            ("name", key), ("tests", "\(count.tests)"), ("failures", "\(count.failures)"),
            ("errors", "\(count.errors)"), ("skipped", "\(count.skipped)"),
            ("time", ReportFormat.seconds(lab.duration)), ("timestamp", ReportFormat.date(r.startedAt)),
            ("hostname", r.host.hostname), ("file", lab.path),
        ]) + ">\n"
        var properties: [(String, String)] = [
            ("title", lab.title), ("path", lab.path), ("status", lab.status.rawValue),
            ("score", Points.text(lab.score)), ("max_score", Points.text(lab.maxScore)),
            ("mode", r.mode.rawValue), ("kernel", r.host.kernel), ("cgroup_version", r.host.cgroupVersion),
            ("architecture", r.host.architecture),
        ]
        if let busybox = r.host.busyboxImage { properties.append(("busybox_image", busybox)) }
        if let learner = r.learner { properties.append(("learner", learner)) }
        if let namespace = lab.namespace { properties.append(("namespace", namespace)) }
        out += propertiesElement(properties, indent: "    ")
        for block in lab.blocks {
            out += testcase(block, lab, key: key)
        }
        // A lab-level failure (invalid lab, setup crashed) belongs to no block, and an invalid lab
        // has no blocks at all: an error testcase of its own keeps CI from reading 0 tests as green.
        if let error = lab.error, !error.isEmpty {
            out += "    <testcase" + attributes([("classname", key), ("name", JUnitReport.labCaseName),
                                                 ("time", ReportFormat.seconds(lab.duration)), ("file", lab.path)]) + ">\n"
            out += "      <error" + attributes([("message", error), ("type", "lab")]) + ">" + ReportEscape.markup(error) + "</error>\n"
            out += "    </testcase>\n"
            out += "    <system-err>" + ReportEscape.markup(error) + "</system-err>\n"
        }
        out += "  </testsuite>\n"
        return out
    }

    private static func testcase(_ block: BlockResult, _ lab: LabResult, key: String) -> String {
        var out = "    <testcase" + attributes([
            ("classname", key), ("name", block.id), ("time", ReportFormat.seconds(block.duration)),
            ("file", lab.path), ("line", "\(block.line)"),
        ]) + ">\n"
        var properties: [(String, String)] = [("kind", block.kind.rawValue), ("status", block.status.rawValue),
                                              ("attempts", "\(block.attempts)")]
        if block.kind == .check {
            properties += [("score", Points.text(block.score)), ("points", Points.text(block.maxScore))]
        }
        if let measure = block.measure {
            properties.append(("mean_cores", String(format: "%.3f", measure.meanCores)))
            if let low = measure.expectLow, let high = measure.expectHigh {
                properties.append(("expect_cores", "\(low)..\(high)"))
            }
        }
        out += propertiesElement(properties, indent: "      ")
        let message = block.message.flatMap { $0.isEmpty ? nil : $0 }
        switch Counts.outcome(block) {
        case .passed:
            break
        case .skipped:
            out += "      <skipped" + attributes([("message", message ?? "skipped")]) + "/>\n"
        case .error:
            out += "      <error" + attributes([("message", message ?? block.status.rawValue), ("type", block.status.rawValue)])
                + ">" + ReportEscape.markup(block.failureText(file: lab.path)) + "</error>\n"
        case .failure:
            let type = block.status == .timedOut ? "timeout" : (block.isPartial ? "partial" : "failure")
            out += "      <failure" + attributes([("message", message ?? block.failureText(file: lab.path).firstLine), ("type", type)])
                + ">" + ReportEscape.markup(block.failureText(file: lab.path)) + "</failure>\n"
        }
        let output = block.commands.map { command in
            command.isScript
                ? "script (\(lab.path):\(command.line)):\n\(command.command)\noutput:\n\(command.actual)"
                : command.transcriptText + "\n" + command.actual
        }.joined(separator: "\n")
        if !output.isEmpty {
            out += "      <system-out>" + ReportEscape.markup(output) + "</system-out>\n"
        }
        out += "    </testcase>\n"
        return out
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(ReportEscape.attribute($0.1))\"" }.joined()
    }

    private static func propertiesElement(_ pairs: [(String, String)], indent: String) -> String {
        var out = indent + "<properties>\n"
        for (name, value) in pairs {
            out += indent + "  <property" + attributes([("name", name), ("value", value)]) + "/>\n"
        }
        return out + indent + "</properties>\n"
    }
}

private extension String {
    var firstLine: String { split(separator: "\n", maxSplits: 1).first.map(String.init) ?? self }
}
