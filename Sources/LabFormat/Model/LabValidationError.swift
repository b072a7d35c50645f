/// Every error found in one lab file (never just the first), sorted by position.
public struct LabValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var diagnostics: [LabDiagnostic]

    public init(diagnostics: [LabDiagnostic]) {
        self.diagnostics = diagnostics.sorted { $0.location < $1.location }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
