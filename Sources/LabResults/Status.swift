/// How a block or a lab ended (`running`: not yet, when a results file is written mid-run).
public enum Status: String, Codable, Sendable {
    case passed, failed, timedOut = "timed_out", error, skipped, running

    /// Failed, timed out or an error: what fails a lab and shows its details.
    public var isFailure: Bool { self == .failed || self == .timedOut || self == .error }
}
