/// How a block or a lab ended (`running`: not yet, when a results file is written mid-run).
public enum Status: String, Codable, Sendable {
    case passed, failed, timedOut = "timed_out", error, skipped, running
}
