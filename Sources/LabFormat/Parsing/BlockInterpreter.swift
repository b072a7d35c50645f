/// Interprets one raw block's attributes and body, collecting every problem it finds.
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
    static let valueKeys: Set<String> = ["points", "timeout", "retry", "for", "hint", "measure", "window", "expect-cores"]

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

        var id: String? = nil
        var background = false
        var values: [String: (String, Int)] = [:]
        // `hint` alone may repeat: one hint per failure, in the order written.
        var hints: [String] = []
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
            } else if token.value == nil, token.key == "background" {
                if background { error("duplicate attribute 'background'", column: token.column) }
                background = true
            } else if let value = token.value, token.key == "hint" {
                hints.append(value)
            } else if let value = token.value, Self.valueKeys.contains(token.key) {
                if values[token.key] != nil {
                    error("duplicate attribute '\(token.key)'", column: token.column)
                } else {
                    values[token.key] = (value, token.column)
                }
            } else if token.value == nil, Self.valueKeys.contains(token.key) {
                error("attribute '\(token.key)' needs a value (\(token.key)=...)", column: token.column)
            } else {
                error("unknown attribute '\(token.key)\(token.value.map { "=" + $0 } ?? "")'", column: token.column)
            }
        }
        let blockKind = kind ?? .step

        // Kind-dependent attributes.
        var points: Double = blockKind == .check ? 1 : 0
        if let (text, column) = values["points"] {
            if blockKind != .check {
                error("points is only for checks (this block is a \(blockKind.rawValue))", column: column)
            } else if LabDuration.isPlainNumber(text), let value = Double(text) {
                if value <= 0 {
                    error("points=\(Self.shown(text)): a check is worth more than 0 points", column: column)
                } else if !(value <= LabLimits.maxPoints) {
                    error("points=\(Self.shown(text)) out of range: at most \(Int(LabLimits.maxPoints))", column: column)
                } else {
                    points = value
                }
            } else {
                error("malformed points '\(Self.shown(text))': a number > 0", column: column)
            }
        }
        var timeout = LabBlock.defaultTimeout
        if let (text, column) = values["timeout"] {
            if let seconds = duration("timeout", text, column: column, max: LabLimits.maxBlockSeconds, examples: "500ms, 30s, 2m") {
                timeout = seconds
            }
        }
        var retry: Double? = nil
        if let (text, column) = values["retry"] {
            retry = duration("retry", text, column: column, max: LabLimits.maxBlockSeconds, examples: "500ms, 30s, 2m")
        }
        if background {
            let column = tokens.first { $0.key == "background" }?.column
            if blockKind == .check { error("a check cannot run in the background", column: column) }
            if values["retry"] != nil { error("background cannot be combined with retry", column: column) }
            // background with measure is allowed: the block is measured over its window, then
            // left running like any background block until after the last block.
        }
        var solutionFor: String? = nil
        if let (text, column) = values["for"] {
            forColumn = column
            let target = text.hasPrefix("#") ? String(text.dropFirst()) : text
            if blockKind != .solution {
                error("for= is only for solutions (this block is a \(blockKind.rawValue))", column: column)
            } else if target.isEmpty {
                error("for= needs a check id (for=#id)", column: column)
            } else {
                solutionFor = target
            }
        } else if blockKind == .solution {
            error("a solution needs for=#id naming its check")
        }
        let measure = interpretMeasure(values)

        // Body.
        let language = raw.origin == .fence ? raw.word : ""
        var body = BlockBody.script(raw.contentLines.joined(separator: "\n"))
        if raw.origin == .fence {
            if Self.transcriptLanguages.contains(language) {
                let (commands, problems) = TranscriptParser.parse(lines: raw.contentLines, firstLine: raw.firstContentLine)
                for problem in problems { error(problem.message, line: problem.line, column: raw.contentColumn) }
                body = .transcript(commands)
            } else if !Self.scriptLanguages.contains(language) {
                error(language.isEmpty
                      ? "an executable block needs a language: console (a transcript) or sh (a script)"
                      : "unknown language '\(language)': use console (a transcript) or sh (a script)")
            }
        }
        return LabBlock(id: id ?? "", kind: blockKind, language: language, location: raw.location,
                        hidden: raw.origin == .hiddenComment, body: body, points: points, timeout: timeout,
                        retry: retry, background: background, solutionFor: solutionFor,
                        hints: hints, measure: measure, endLine: raw.endLine)
    }

    private mutating func interpretMeasure(_ values: [String: (String, Int)]) -> MeasureSpec? {
        guard let (text, column) = values["measure"] else {
            for key in ["window", "expect-cores"] {
                if let (_, column) = values[key] { error("\(key) needs measure=cpu:NAME or measure=cgroup:PATH", column: column) }
            }
            return nil
        }
        var spec: MeasureSpec? = nil
        if text.hasPrefix("cpu:"), text.count > 4 {
            spec = MeasureSpec(container: String(text.dropFirst(4)))
        } else if text.hasPrefix("cgroup:"), text.count > 7 {
            let path = String(text.dropFirst(7))
            if let problem = CgroupMeasurePath.problem(path) {
                error("measure=cgroup:\(path): the path \(problem)", column: column)
            } else {
                spec = MeasureSpec(target: .cgroup(path))
            }
        } else {
            error("malformed measure=\(text): use measure=cpu:CONTAINER or measure=cgroup:PATH", column: column)
        }
        if let (text, column) = values["window"],
           let seconds = duration("window", text, column: column, max: LabLimits.maxWindowSeconds, examples: "500ms, 3s, 1m") {
            spec?.window = seconds
        }
        if let (text, column) = values["expect-cores"] {
            if let range = LabDuration.range(text) {
                if range.upperBound <= LabLimits.maxCores { spec?.expectedCores = range } else {
                    error("expect-cores=\(Self.shown(text)) out of range: at most \(Int(LabLimits.maxCores)) cores", column: column)
                }
            } else {
                error("malformed range expect-cores=\(Self.shown(text)): use A..B with 0 ≤ A ≤ B", column: column)
            }
        }
        return spec
    }

    /// A duration attribute in seconds, or nil after reporting why it is malformed or too long.
    private mutating func duration(_ key: String, _ text: String, column: Int, max: Double, examples: String) -> Double? {
        guard let seconds = LabDuration.seconds(text) else {
            error("malformed duration \(key)=\(Self.shown(text)) (use \(examples))", column: column)
            return nil
        }
        guard seconds <= max else {
            error("\(key)=\(Self.shown(text)) out of range: at most \(LabDuration.text(max))", column: column)
            return nil
        }
        return seconds
    }

    /// An attribute value in a message, cut short: a value can be kilobytes long.
    static func shown(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }
}
