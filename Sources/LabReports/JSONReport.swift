import Foundation
import LabResults

/// The results file of `--json FILE`: Gradescope's results shape at the top level, isolab's
/// details under `isolab`. Docs/results-schema.md describes every field.
public enum JSONReport {
    /// The run as pretty-printed, key-sorted JSON (stable for diffs and golden files).
    public static func data(_ r: RunResults) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ReportFormat.date(date))
        }
        // A NaN duration must not make the whole report unwritable.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return try encoder.encode(r.gradescopeResults)
        } catch {
            throw ReportError(operation: "encode results as JSON", reason: "\(error)")
        }
    }

    /// The run back from a results file written by `data`; `score`, `tests` and the other
    /// Gradescope fields are derived, so only `isolab` is read from them.
    public static func read(_ data: Data) throws -> RunResults {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ReportFormat.parseDate(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO-8601 date: \(text)")
            }
            return date
        }
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let results: RunResults
        do {
            results = try decoder.decode(IsolabSection.self, from: data).isolab
        } catch let error as DecodingError {
            throw ReportError(operation: "read results", reason: describe(error))
        } catch {
            throw ReportError(operation: "read results", reason: "\(error)")
        }
        try results.validate()
        return results
    }

    /// Only the part `read` needs, so a file whose Gradescope part was edited by hand (or by
    /// Gradescope tooling) still reads.
    private struct IsolabSection: Decodable { var isolab: RunResults }

    /// A Swift property name as the file spells it: `startedAt` → `started_at`.
    private static func snakeCase(_ name: String) -> String {
        name.reduce(into: "") { out, c in
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
    }

    /// A decoding error as "at isolab.labs[0].blocks: key 'id' is missing".
    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\(snakeCase($0.stringValue))" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "top level" : text)
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "at \(path(context.codingPath)): key '\(snakeCase(key.stringValue))' is missing (not an isolab results file?)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "at \(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            return "at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
