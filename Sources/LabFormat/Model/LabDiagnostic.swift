/// One problem found in a lab file before anything runs, printed as `file:line:col: message`.
public struct LabDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var location: SourceLocation
    public var message: String

    public init(file: String, location: SourceLocation, message: String) {
        self.file = file; self.location = location; self.message = message
    }

    public var description: String { "\(file):\(location.line):\(location.column): \(message)" }
}
