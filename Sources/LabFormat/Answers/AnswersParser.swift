import Foundation

/// Reads a learner's answers file: Markdown whose executable blocks are all
/// ```` ```sh {answer for=#id} ````, one per exercise; prose around them is ignored. Every problem
/// is reported as `file:line:col`, like a lab's, so a learner can fix the file.
public enum AnswersParser {
    /// An answers file is a few commands per exercise; anything larger is refused before parsing.
    public static let sizeLimit = 1 << 20

    /// The answers of `source`, by check id. When `lab` is given, an answer for a block that is
    /// not one of its checks is an error too.
    public static func parse(source: String, path: String, lab: Lab? = nil) throws -> [String: LabAnswer] {
        let scanned = MarkdownScanner(source: source).scan()
        var diagnostics = scanned.diagnostics.map { LabDiagnostic(file: path, location: $0.0, message: $0.1) }
        var answers: [String: LabAnswer] = [:]
        func error(_ message: String, _ location: SourceLocation) {
            diagnostics.append(LabDiagnostic(file: path, location: location, message: message))
        }
        for raw in scanned.blocks {
            guard raw.origin == .fence else {
                error("an answers file holds only answer blocks (```sh {answer for=#id}), not lab:\(raw.word)",
                      raw.location)
                continue
            }
            let (tokens, failures) = AttributeTokenizer.tokenize(raw.attributes, column: raw.attributesColumn)
            let errorsBefore = diagnostics.count
            for failure in failures { error(failure.message, SourceLocation(line: raw.location.line, column: failure.column)) }
            var isAnswer = false
            var target: (id: String, column: Int)? = nil
            for token in tokens {
                let at = SourceLocation(line: raw.location.line, column: token.column)
                switch (token.key, token.value) {
                case ("answer", nil):
                    if isAnswer { error("duplicate attribute 'answer'", at) }
                    isAnswer = true
                case ("for", let value?):
                    let id = value.hasPrefix("#") ? String(value.dropFirst()) : value
                    if target != nil { error("duplicate attribute 'for'", at) }
                    else if id.isEmpty { error("for= needs a check id (for=#id)", at) }
                    else { target = (id, token.column) }
                default:
                    error("unknown attribute '\(token.key)\(token.value.map { "=" + $0 } ?? "")' in an answers file "
                          + "(an answer block is ```sh {answer for=#id})", at)
                }
            }
            guard isAnswer else {
                error("a block of an answers file must be an answer: ```sh {answer for=#id}", raw.location)
                continue
            }
            guard BlockInterpreter.scriptLanguages.contains(raw.word) else {
                error("an answer is a shell script: use ```sh {answer for=#id}, not '\(raw.word)'", raw.location)
                continue
            }
            guard let target else {
                error("an answer needs for=#id naming the check it answers", raw.location)
                continue
            }
            // A block with a broken attribute list is no answer (its other errors say why).
            guard diagnostics.count == errorsBefore else { continue }
            let at = SourceLocation(line: raw.location.line, column: target.column)
            if let earlier = answers[target.id] {
                error("a second answer for #\(target.id) (the first is on line \(earlier.location.line))", at)
                continue
            }
            if let lab, !lab.blocks.contains(where: { $0.id == target.id && $0.kind == .check }) {
                error("for=#\(target.id) names no check of \(lab.path)", at)
                continue
            }
            answers[target.id] = LabAnswer(checkID: target.id, script: raw.contentLines.joined(separator: "\n"),
                                           path: path, location: raw.location)
        }
        guard diagnostics.isEmpty else { throw LabValidationError(diagnostics: diagnostics) }
        return answers
    }

    /// Reads and parses the answers file at `path` (at most `sizeLimit` bytes, UTF-8).
    public static func parse(file path: String, lab: Lab? = nil) throws -> [String: LabAnswer] {
        func failure(_ message: String) -> LabValidationError {
            LabValidationError(diagnostics: [LabDiagnostic(file: path, location: SourceLocation(line: 1, column: 1),
                                                           message: message)])
        }
        // A FIFO or a device would block or never end: only a regular file is read.
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw failure("cannot read the answers file: \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw failure("the answers file is not a regular file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw failure("cannot read the answers file: \(String(cString: strerror(errno)))")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: sizeLimit + 1) ?? Data()
        } catch {
            throw failure("cannot read the answers file: \(error.localizedDescription)")
        }
        guard data.count <= sizeLimit else { throw failure("the answers file is larger than \(sizeLimit / 1024) KiB") }
        guard let source = String(data: data, encoding: .utf8) else { throw failure("the answers file is not UTF-8") }
        return try parse(source: source, path: path, lab: lab)
    }
}
