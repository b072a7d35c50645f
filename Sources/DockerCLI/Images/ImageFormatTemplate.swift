import Foundation

/// The subset of Go templates `docker images --format` is used with: `{{.Field}}`, `{{json .}}`,
/// a leading `table`, and `\t` / `\n` escapes written literally on the command line.
struct ImageFormatTemplate {
    enum Piece: Equatable { case text(String), field(String), json }

    let isTable: Bool
    let pieces: [Piece]

    init(_ format: String) throws {
        var body = format
        isTable = body.hasPrefix("table")
        if isTable { body = String(body.dropFirst(5)) }
        body = body.trimmingCharacters(in: CharacterSet(charactersIn: " "))
        body = body.replacingOccurrences(of: "\\t", with: "\t").replacingOccurrences(of: "\\n", with: "\n")
        var pieces: [Piece] = []
        var rest = Substring(body)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { pieces.append(.text(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw ImageFormatError(message: "template: :1: unclosed action")
            }
            let action = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if action == "json ." {
                pieces.append(.json)
            } else if action.hasPrefix("."), action.count > 1, action.dropFirst().allSatisfy({ $0.isLetter || $0.isNumber }) {
                pieces.append(.field(String(action.dropFirst())))
            } else {
                throw ImageFormatError(message: "template: :1: function \"\(action)\" not defined")
            }
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        self.pieces = pieces
    }

    /// The header line of a `table` format: each field's column title.
    func header() -> String {
        pieces.map { piece in
            switch piece {
            case .text(let t): return t
            case .field(let f): return ImageRow.headers[f] ?? f.uppercased()
            case .json: return ""
            }
        }.joined()
    }

    func render(_ row: ImageRow, truncate: Bool, now: Date) throws -> String {
        try pieces.map { piece -> String in
            switch piece {
            case .text(let t): return t
            case .field(let f):
                guard let value = row.field(f, truncate: truncate, now: now) else {
                    throw ImageFormatError(message: "template: :1:2: executing \"\" at <.\(f)>: can't evaluate field \(f) in type formatter.imageContext")
                }
                return value
            case .json:
                var object: [String: String] = [:]
                for f in ImageRow.jsonFields { object[f] = row.field(f, truncate: truncate, now: now) }
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
                return String(decoding: data, as: UTF8.self)
            }
        }.joined()
    }
}

/// A `--format` that cannot be used, worded as Go's template package words it.
struct ImageFormatError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
