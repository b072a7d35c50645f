import Foundation
import LabFormat

/// Reads the Markdown fixtures copied into the test bundle.
enum FixtureLoader {
    struct Missing: Error { var name: String }

    static func source(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "md", subdirectory: "Fixtures") else {
            throw Missing(name: name)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func parse(_ name: String) throws -> Lab {
        try LabParser.parse(source: source(name), path: "Fixtures/\(name).md")
    }

    /// The diagnostics of an invalid fixture (empty when it parses).
    static func diagnostics(_ source: String, path: String = "lab.md") -> [LabDiagnostic] {
        do {
            _ = try LabParser.parse(source: source, path: path)
            return []
        } catch let error as LabValidationError {
            return error.diagnostics
        } catch {
            return [LabDiagnostic(file: path, location: SourceLocation(line: 0, column: 0), message: "\(error)")]
        }
    }
}
