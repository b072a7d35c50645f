
/// Why a report could not be read or written, with the file it concerns when there is one.
public struct ReportError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What was being done: "read results", "write HTML report".
    public var operation: String
    /// The file concerned, or nil for in-memory data.
    public var path: String?
    /// What went wrong, for a person.
    public var reason: String

    public init(operation: String, path: String? = nil, reason: String) {
        self.operation = operation; self.path = path; self.reason = reason
    }

    public var description: String {
        if let path { return "\(operation) \(path): \(reason)" }
        return "\(operation): \(reason)"
    }
}
