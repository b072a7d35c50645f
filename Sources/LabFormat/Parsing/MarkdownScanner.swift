import CCmark

/// Walks cmark's AST once and returns the lab's title and its executable blocks as Swift values.
/// cmark nodes are only touched inside `scan`; nothing outside sees an OpaquePointer.
struct MarkdownScanner {
    let source: String
    /// Source lines as UTF-8 bytes: cmark's columns count bytes.
    let lines: [[UInt8]]

    init(source: String) {
        self.source = source
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in source.utf8 {
            if byte == UInt8(ascii: "\n") {
                if current.last == UInt8(ascii: "\r") { current.removeLast() }
                lines.append(current); current = []
            } else {
                current.append(byte)
            }
        }
        lines.append(current)
        self.lines = lines
    }

    struct Output {
        var title: String?
        var blocks: [RawBlock]
        var diagnostics: [(SourceLocation, String)]
    }

    func scan() -> Output {
        var output = Output(title: nil, blocks: [], diagnostics: [])
        let bytes = Array(source.utf8)
        guard let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, buffer.count, CMARK_OPT_SOURCEPOS)
                }
            } ?? cmark_parse_document("", 0, CMARK_OPT_SOURCEPOS)
        }) else {
            output.diagnostics.append((SourceLocation(line: 1, column: 1), "cmark could not parse the file"))
            return output
        }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return output }
        defer { cmark_iter_free(iterator) }

        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let location = SourceLocation(line: Int(cmark_node_get_start_line(node)),
                                          column: Int(cmark_node_get_start_column(node)))
            if type == CMARK_NODE_HEADING, output.title == nil {
                output.title = plainText(of: node)
            } else if type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK {
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                let found = type == CMARK_NODE_CODE_BLOCK ? fencedBlock(at: location, literal: literal)
                    : hiddenBlock(at: location, literal: literal)
                if var block = found {
                    // cmark 0.30 ends an HTML block one line early; its literal holds every line.
                    let lines = literal.split(separator: "\n", omittingEmptySubsequences: false).count
                        - (literal.hasSuffix("\n") ? 1 : 0)
                    block.endLine = type == CMARK_NODE_HTML_BLOCK ? location.line + max(lines, 1) - 1
                        : Int(cmark_node_get_end_line(node))
                    output.blocks.append(block)
                }
            }
        }
        return output
    }

    /// The concatenated text and code of a heading's inlines.
    private func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                text += cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
            } else if cmark_node_first_child(current) != nil {
                text += plainText(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
    }

    /// A fenced block whose info string carries `{...}`; nil for prose code (indented blocks,
    /// fences without attributes). cmark 0.30 cannot say whether a block was fenced, so the
    /// source line at the node's start tells: a fence starts with ``` or ~~~.
    /// The info string is read from the source too, because cmark unescapes it.
    private func fencedBlock(at location: SourceLocation, literal: String) -> RawBlock? {
        guard location.line >= 1, location.line <= lines.count else { return nil }
        let line = lines[location.line - 1]
        var i = max(0, location.column - 1)
        while i < line.count, line[i] == UInt8(ascii: " ") || line[i] == UInt8(ascii: "\t") { i += 1 }
        guard i < line.count, line[i] == UInt8(ascii: "`") || line[i] == UInt8(ascii: "~") else { return nil }
        let fenceByte = line[i]
        while i < line.count, line[i] == fenceByte { i += 1 }
        let infoBytes = Array(line[i...])
        guard let open = infoBytes.firstIndex(of: UInt8(ascii: "{")) else { return nil }
        let before = String(decoding: infoBytes[..<open], as: UTF8.self)
        let word = before.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        var attributes = infoBytes[(open + 1)...]
        // The list ends at its last "}"; anything after it is an error the validator reports.
        var problem: String?
        if let close = attributes.lastIndex(of: UInt8(ascii: "}")) {
            let trailing = String(decoding: attributes[(close + 1)...], as: UTF8.self)
            if !trailing.trimmingSpaces().isEmpty { problem = "unexpected text after the attribute list" }
            attributes = attributes[attributes.startIndex..<close]
        } else {
            problem = "attribute list without a closing '}'"
        }
        var contentLines = literal.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if contentLines.last == "" { contentLines.removeLast() }
        var block = RawBlock(origin: .fence, location: location, word: word,
                             wordColumn: location.column,
                             attributes: String(decoding: attributes, as: UTF8.self),
                             attributesColumn: i + open + 2,
                             contentLines: contentLines, firstContentLine: location.line + 1,
                             contentColumn: location.column)
        block.problem = problem
        block.problemColumn = i + open + 1
        return block
    }

    /// `<!-- lab:KIND attrs` / script lines / `-->`; nil for any other HTML.
    private func hiddenBlock(at location: SourceLocation, literal: String) -> RawBlock? {
        var lines = literal.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first else { return nil }
        let leading = first.prefix { $0 == " " || $0 == "\t" }.count
        var rest = Substring(first.dropFirst(leading))
        guard rest.hasPrefix("<!--") else { return nil }
        rest = rest.dropFirst(4)
        let spaces = rest.prefix { $0 == " " || $0 == "\t" }.count
        rest = rest.dropFirst(spaces)
        guard rest.hasPrefix("lab:") else { return nil }
        rest = rest.dropFirst(4)
        let wordColumn = location.column + leading + 4 + spaces + 4
        let word = String(rest.prefix { $0 != " " && $0 != "\t" && $0 != "-" })
        var attributes = String(rest.dropFirst(word.count))
        let attributesColumn = wordColumn + word.utf8.count
        var body: [String] = []
        var closed = false
        if let end = attributes.range(of: "-->") {
            attributes = String(attributes[..<end.lowerBound])
            closed = true
        } else {
            lines.removeFirst()
            for line in lines {
                if let end = line.range(of: "-->") {
                    let before = String(line[..<end.lowerBound])
                    if !before.trimmingSpaces().isEmpty { body.append(before) }
                    closed = true
                    break
                }
                body.append(line)
            }
        }
        var block = RawBlock(origin: .hiddenComment, location: location, word: word, wordColumn: wordColumn,
                             attributes: attributes, attributesColumn: attributesColumn,
                             contentLines: body, firstContentLine: location.line + 1,
                             contentColumn: location.column)
        if !closed {
            block.problem = "hidden block without a closing '-->'"
            block.problemColumn = location.column
        }
        return block
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\r" || c == "\n" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" || c == "\n" { s.removeLast() }
        return String(s)
    }
}
