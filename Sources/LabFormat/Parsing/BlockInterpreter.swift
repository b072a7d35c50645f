/// Interprets one raw block's attributes and body, collecting every problem it finds:
/// the kind (a hidden block's word or a kind attribute), the `#id`, the attributes through
/// `BlockAttribute.table`, then the body by language.
struct BlockInterpreter {
    let raw: RawBlock
    let path: String
    private(set) var diagnostics: [LabDiagnostic] = []
    /// Columns of the `#id` and `for=` tokens, for errors the parser finds across blocks.
    private(set) var idColumn: Int? = nil
    private(set) var forColumn: Int? = nil

    init(raw: RawBlock, path: String) {
        self.raw = raw; self.path = path
    }

    static let scriptLanguages: Set<String> = ["sh", "bash", "shell"]
    static let transcriptLanguages: Set<String> = ["console"]

    private mutating func error(_ message: String, line: Int? = nil, column: Int? = nil) {
        diagnostics.append(LabDiagnostic(file: path,
                                         location: SourceLocation(line: line ?? raw.location.line,
                                                                  column: column ?? raw.location.column),
                                         message: message))
    }

    /// The block, or nil when it is too broken to describe (its errors are in `diagnostics`).
    mutating func interpret() -> LabBlock? {
        if let problem = raw.problem { error(problem, column: raw.problemColumn) }
        var kind: LabBlockKind? = nil
        if raw.origin == .hiddenComment {
            guard let hiddenKind = LabBlockKind(rawValue: raw.word), hiddenKind != .step, hiddenKind != .check else {
                error("unknown hidden block 'lab:\(raw.word)': use lab:setup, lab:cleanup or lab:solution",
                      column: raw.wordColumn)
                return nil
            }
            kind = hiddenKind
        }
        let (tokens, failures) = AttributeTokenizer.tokenize(raw.attributes, column: raw.attributesColumn)
        for failure in failures { error(failure.message, column: failure.column) }
        let (id, attributes) = sortTokens(tokens, kind: &kind)
        let blockKind = kind ?? .step
        let language = raw.origin == .fence ? raw.word : ""
        var block = LabBlock(id: id ?? "", kind: blockKind, language: language, location: raw.location,
                             hidden: raw.origin == .hiddenComment, body: .script(""),
                             points: blockKind == .check ? 1 : 0, timeout: LabBlock.defaultTimeout, retry: nil,
                             background: false, solutionFor: nil, hints: [], measure: nil, endLine: raw.endLine)
        apply(attributes, to: &block)
        if blockKind == .solution, attributes["for"] == nil {
            error("a solution needs for=#id naming its check")
        }
        block.body = interpretBody(language: language)
        return block
    }

    /// Takes the `#id` and kind words out of the list and checks every other token against the
    /// attribute table (unknown, duplicate, a value missing). Returns the id and each known
    /// attribute's occurrences, in the order written.
    private mutating func sortTokens(_ tokens: [AttributeToken], kind: inout LabBlockKind?)
        -> (id: String?, attributes: [String: [AttributeToken]]) {
        var id: String? = nil
        var attributes: [String: [AttributeToken]] = [:]
        for token in tokens {
            if token.value == nil, token.key.hasPrefix("#") {
                let name = String(token.key.dropFirst())
                if name.isEmpty || name.utf8.contains(UInt8(ascii: "#")) {
                    error("malformed id '\(token.key)'", column: token.column)
                } else if id != nil {
                    error("a block has one id; '\(token.key)' is a second", column: token.column)
                } else {
                    id = name
                    idColumn = token.column
                }
            } else if token.value == nil, let word = LabBlockKind(rawValue: token.key) {
                if let kind {
                    error("the block is already a \(kind.rawValue); '\(word.rawValue)' is a second kind", column: token.column)
                } else {
                    kind = word
                }
            } else if let attribute = BlockAttribute.named(token.key), (token.value == nil) == (attribute.value == .none) {
                if !attribute.repeatable, attributes[token.key] != nil {
                    error("duplicate attribute '\(token.key)'", column: token.column)
                } else {
                    attributes[token.key, default: []].append(token)
                }
            } else if token.value == nil, BlockAttribute.named(token.key)?.value == .required {
                error("attribute '\(token.key)' needs a value (\(token.key)=...)", column: token.column)
            } else {
                error("unknown attribute '\(token.key)\(token.value.map { "=" + $0 } ?? "")'", column: token.column)
            }
        }
        forColumn = attributes["for"]?.first?.column
        return (id, attributes)
    }

    /// Each given attribute, in the table's order, sets its part of `block`.
    private mutating func apply(_ attributes: [String: [AttributeToken]], to block: inout LabBlock) {
        var context = BlockAttributeContext(kind: block.kind, given: Set(attributes.keys))
        for attribute in BlockAttribute.table {
            for token in attributes[attribute.name] ?? [] { attribute.apply(token, &block, &context) }
        }
        for problem in context.problems { error(problem.message, column: problem.column) }
    }

    /// A fence's body by its language: a `console` transcript's commands, or a script.
    private mutating func interpretBody(language: String) -> BlockBody {
        guard raw.origin == .fence else { return .script(raw.contentLines.joined(separator: "\n")) }
        if Self.transcriptLanguages.contains(language) {
            let (commands, problems) = TranscriptParser.parse(lines: raw.contentLines, firstLine: raw.firstContentLine)
            for problem in problems { error(problem.message, line: problem.line, column: raw.contentColumn) }
            return .transcript(commands)
        }
        if !Self.scriptLanguages.contains(language) {
            error(language.isEmpty
                  ? "an executable block needs a language: console (a transcript) or sh (a script)"
                  : "unknown language '\(language)': use console (a transcript) or sh (a script)")
        }
        return .script(raw.contentLines.joined(separator: "\n"))
    }
}
