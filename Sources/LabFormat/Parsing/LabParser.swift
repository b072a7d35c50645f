import Foundation

/// Markdown → `Lab`: finds the executable blocks, interprets their attributes and validates the
/// whole file before anything runs, collecting every error with its position.
public enum LabParser {
    /// Parses and validates `source`; throws `LabValidationError` with all problems found.
    public static func parse(source: String, path: String) throws -> Lab {
        let scanner = MarkdownScanner(source: source)
        let scanned = scanner.scan()
        var diagnostics = scanned.diagnostics.map { LabDiagnostic(file: path, location: $0.0, message: $0.1) }
        var blocks: [LabBlock] = []
        var columns: [(id: Int?, for: Int?)] = []
        var counters: [LabBlockKind: Int] = [:]
        for raw in scanned.blocks {
            var interpreter = BlockInterpreter(raw: raw, path: path)
            let block = interpreter.interpret()
            diagnostics += interpreter.diagnostics
            guard var block else { continue }
            counters[block.kind, default: 0] += 1
            if block.id.isEmpty { block.id = "\(block.kind.rawValue)-\(counters[block.kind, default: 1])" }
            blocks.append(block)
            columns.append((interpreter.idColumn, interpreter.forColumn))
        }
        diagnostics += crossCheck(blocks, columns: columns, path: path)
        guard diagnostics.isEmpty else { throw LabValidationError(diagnostics: diagnostics) }
        let fileName = (path as NSString).lastPathComponent
        let title = scanned.title.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 } ?? fileName
        return Lab(path: path, source: source, title: title, blocks: blocks)
    }

    /// Reads and parses the file at `path`. A file that cannot be read (missing, a folder, not
    /// UTF-8, larger than `LabLimits.maxLabBytes`) is reported like any other error of that
    /// file, at 1:1.
    public static func parse(file path: String) throws -> Lab {
        try parse(source: LabSourceFile.read(path), path: path)
    }

    /// Errors that need every block: duplicate ids, `for=` targets. `columns` holds each block's
    /// `#id` and `for=` token columns (on its opening line), where the errors point.
    static func crossCheck(_ blocks: [LabBlock], columns: [(id: Int?, for: Int?)], path: String) -> [LabDiagnostic] {
        var diagnostics: [LabDiagnostic] = []
        var firstLine: [String: Int] = [:]
        func at(_ block: LabBlock, _ column: Int?) -> SourceLocation {
            SourceLocation(line: block.location.line, column: column ?? block.location.column)
        }
        for (block, column) in zip(blocks, columns) {
            if let line = firstLine[block.id] {
                diagnostics.append(LabDiagnostic(file: path, location: at(block, column.id),
                                                 message: "duplicate id '\(block.id)' (first used on line \(line))"))
            } else {
                firstLine[block.id] = block.location.line
            }
        }
        let checks = Set(blocks.filter { $0.kind == .check }.map(\.id))
        for (block, column) in zip(blocks, columns) {
            if let target = block.solutionFor, !checks.contains(target) {
                let what = firstLine[target] != nil ? "names a block that is not a check" : "names no check"
                diagnostics.append(LabDiagnostic(file: path, location: at(block, column.for),
                                                 message: "for=#\(target) \(what)"))
            }
        }
        return diagnostics
    }
}
