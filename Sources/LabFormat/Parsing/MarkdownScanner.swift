import CCmark
import Foundation

/// Walks cmark's AST once and returns the lab's title and its executable blocks as Swift values.
/// cmark nodes are only touched inside `scan`; nothing outside sees an OpaquePointer.
struct MarkdownScanner {
    let source: String
    /// Source lines as UTF-8 bytes, ended where cmark ends them (`\n`, `\r\n`, `\r`): cmark's
    /// line numbers index them and its columns count their bytes.
    let lines: [[UInt8]]

    init(source: String) {
        self.source = source
        self.lines = SourceLines.bytes(source)
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

        // Lab comments found so far, by position: a paragraph's inline comments are located in
        // the source one after another.
        var seen: Set<SourceLocation> = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let location = SourceLocation(line: Int(cmark_node_get_start_line(node)),
                                          column: Int(cmark_node_get_start_column(node)))
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            if type == CMARK_NODE_HEADING, output.title == nil {
                output.title = CmarkText.plain(node)
            } else if type == CMARK_NODE_CODE_BLOCK {
                // Indented blocks have no info string, fences without attributes no "{": prose.
                let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
                guard info.contains("{"), var block = fencedBlock(at: location, literal: literal) else { continue }
                block.endLine = Int(cmark_node_get_end_line(node))
                output.blocks.append(block)
            } else if type == CMARK_NODE_HTML_BLOCK {
                let (blocks, problems) = hiddenBlocks(inHTMLBlockAt: location, literal: literal)
                for block in blocks where !seen.contains(block.location) {
                    seen.insert(block.location)
                    output.blocks.append(block)
                }
                output.diagnostics += problems
            } else if type == CMARK_NODE_HTML_INLINE, literal.hasPrefix("<!--"),
                      literal.dropFirst(4).drop(while: { $0.isWhitespace }).hasPrefix("lab:") {
                // An inline comment in a paragraph: cmark 0.30 gives inlines no positions, so the
                // comment is found in the source lines of the block that holds it.
                var parent = cmark_node_parent(node)
                while let current = parent, cmark_node_get_start_line(current) == 0 { parent = cmark_node_parent(current) }
                let first = parent.map { Int(cmark_node_get_start_line($0)) } ?? location.line
                let last = parent.map { Int(cmark_node_get_end_line($0)) } ?? first
                guard let start = firstUnseenLabComment(lines: first...max(first, last), seen: seen) else {
                    output.diagnostics.append((SourceLocation(line: max(first, 1), column: 1),
                                               "a lab comment here cannot be read: write '<!-- lab:KIND' on one line"))
                    continue
                }
                seen.insert(start)
                let inline = SourceLines.split(literal)
                output.blocks.append(hiddenBlock(at: start, lines: inline[...]))
            }
        }
        output.blocks.sort { $0.location < $1.location }
        return output
    }

    /// The byte offset of the first `<!--`, optional blanks, `lab:` in `bytes` at or after `from`.
    static func labCommentStart(in bytes: [UInt8], from: Int) -> Int? {
        var i = from
        while i + 4 <= bytes.count {
            if bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "!"), bytes[i + 2] == UInt8(ascii: "-"),
               bytes[i + 3] == UInt8(ascii: "-") {
                var j = i + 4
                while j < bytes.count, bytes[j] == UInt8(ascii: " ") || bytes[j] == UInt8(ascii: "\t") { j += 1 }
                if Array(bytes[j..<min(j + 4, bytes.count)]) == Array("lab:".utf8) { return i }
            }
            i += 1
        }
        return nil
    }

    /// The first lab comment in the source `lines` not yet taken.
    private func firstUnseenLabComment(lines range: ClosedRange<Int>, seen: Set<SourceLocation>) -> SourceLocation? {
        for line in range where line >= 1 && line <= lines.count {
            var from = 0
            while let offset = Self.labCommentStart(in: lines[line - 1], from: from) {
                let location = SourceLocation(line: line, column: offset + 1)
                if !seen.contains(location) { return location }
                from = offset + 1
            }
        }
        return nil
    }

    /// Every lab comment inside one HTML block, wherever it starts (its own block, or inside
    /// `<details>` and other HTML). Literal line k is source line `location.line + k` with the
    /// container prefix (`> `, indentation) removed.
    private func hiddenBlocks(inHTMLBlockAt location: SourceLocation, literal: String)
        -> ([RawBlock], [(SourceLocation, String)]) {
        var literalLines = SourceLines.split(literal)
        if literalLines.last == "" { literalLines.removeLast() }
        var blocks: [RawBlock] = []
        var problems: [(SourceLocation, String)] = []
        for (k, text) in literalLines.enumerated() {
            let bytes = Array(text.utf8)
            // `<!--` ending its line with `lab:` on the next one is meant to run but cannot be
            // read (the kind and attributes belong on the first line): say so.
            if text.trimmingSpaces().hasSuffix("<!--"), k + 1 < literalLines.count,
               literalLines[k + 1].trimmingSpaces().hasPrefix("lab:"),
               let open = text.range(of: "<!--", options: .backwards) {
                let column = text[..<open.lowerBound].utf8.count + 1
                let prefix = location.line + k <= lines.count ? lines[location.line + k - 1].count - bytes.count : 0
                problems.append((SourceLocation(line: location.line + k, column: max(prefix, 0) + column),
                                 "a lab comment needs 'lab:' on the line of its '<!--' (<!-- lab:KIND ...)"))
            }
            var from = 0
            while let offset = Self.labCommentStart(in: bytes, from: from) {
                let sourceLine = location.line + k
                let source = sourceLine <= lines.count ? lines[sourceLine - 1] : bytes
                let prefix = source.count >= bytes.count && Array(source.suffix(bytes.count)) == bytes
                    ? source.count - bytes.count : 0
                let start = SourceLocation(line: sourceLine, column: prefix + offset + 1)
                var rest = Array(literalLines[k...])
                rest[0] = String(decoding: bytes[offset...], as: UTF8.self)
                var block = hiddenBlock(at: start, lines: rest[...])
                if block.problem != nil, k > 0 || offset > 0 {
                    block.problem = "hidden block without a closing '-->' in the HTML around it "
                        + "(a blank line ends that HTML block)"
                }
                blocks.append(block)
                from = offset + 1
            }
        }
        return (blocks, problems)
    }

    /// A fenced block (cmark gave it an info string with `{`). The attribute list is read from the
    /// source line, because cmark unescapes the info string (`hint="say \"hi\""` would lose its
    /// quoting); the source also gives the columns of every token.
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
        var problemColumn = i + open + 1
        if let close = attributes.lastIndex(of: UInt8(ascii: "}")) {
            let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
            if let stray = infoBytes[(close + 1)...].firstIndex(where: { !blank($0) }) {
                problem = "unexpected text after the attribute list"
                problemColumn = i + stray + 1
            }
            attributes = attributes[attributes.startIndex..<close]
        } else {
            problem = "attribute list without a closing '}'"
        }
        var contentLines = SourceLines.split(literal)
        if contentLines.last == "" { contentLines.removeLast() }
        var block = RawBlock(origin: .fence, location: location, word: word,
                             wordColumn: location.column,
                             attributes: String(decoding: attributes, as: UTF8.self),
                             attributesColumn: i + open + 2,
                             contentLines: contentLines, firstContentLine: location.line + 1,
                             contentColumn: location.column)
        block.problem = problem
        block.problemColumn = problemColumn
        return block
    }

    /// `<!-- lab:KIND attrs` / script lines / `-->`. `lines[0]` starts at the `<!--`, which is
    /// at `location`.
    private func hiddenBlock(at location: SourceLocation, lines: ArraySlice<String>) -> RawBlock {
        var rest = Substring(lines.first ?? "").dropFirst(4)
        let spaces = rest.prefix { $0 == " " || $0 == "\t" }.count
        rest = rest.dropFirst(spaces).dropFirst(4) // "lab:"
        let wordColumn = location.column + 4 + spaces + 4
        let word = String(rest.prefix { $0 != " " && $0 != "\t" && $0 != "-" })
        var attributes = String(rest.dropFirst(word.count))
        let attributesColumn = wordColumn + word.utf8.count
        var body: [String] = []
        var closedAt: Int? = nil
        if let end = attributes.range(of: "-->") {
            attributes = String(attributes[..<end.lowerBound])
            closedAt = location.line
        } else {
            for (k, line) in lines.dropFirst().enumerated() {
                if let end = line.range(of: "-->") {
                    let before = String(line[..<end.lowerBound])
                    if !before.trimmingSpaces().isEmpty { body.append(before) }
                    closedAt = location.line + k + 1
                    break
                }
                body.append(line)
            }
        }
        var block = RawBlock(origin: .hiddenComment, location: location, word: word, wordColumn: wordColumn,
                             attributes: attributes, attributesColumn: attributesColumn,
                             contentLines: body, firstContentLine: location.line + 1,
                             contentColumn: location.column)
        block.endLine = closedAt ?? location.line + lines.count - 1
        if closedAt == nil {
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
