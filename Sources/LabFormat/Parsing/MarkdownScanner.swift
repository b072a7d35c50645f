import CCmark
import Foundation

/// Walks cmark's AST once and returns the lab's title and its executable blocks as Swift values.
/// cmark nodes are only touched inside `scan`; nothing outside sees an OpaquePointer.
struct MarkdownScanner {
    let source: String
    /// Source lines as UTF-8 bytes, ended where cmark ends them (`\n`, `\r\n`, `\r`): cmark's
    /// line numbers index them and its columns count their bytes.
    let lines: LineTable

    init(source: String) {
        self.source = source
        self.lines = LineTable(source)
    }

    struct Output {
        var title: String?
        var blocks: [RawBlock]
        var diagnostics: [(SourceLocation, String)]
    }

    func scan() -> Output {
        var output = Output(title: nil, blocks: [], diagnostics: [])
        guard let document = lines.bytes.withUnsafeBufferPointer({ buffer in
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

        // Lab comments found so far, by position.
        var seen: Set<SourceLocation> = []
        // The lab comment starts in the source lines of the paragraph (or heading) being walked,
        // found once per paragraph, and how many of them its inline comments have taken: each
        // inline comment takes the next, so a paragraph of many comments is read in one pass.
        var paragraphLines: ClosedRange<Int>? = nil
        var paragraphStarts: [SourceLocation] = []
        var paragraphTaken = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let location = SourceLocation(line: Int(cmark_node_get_start_line(node)),
                                          column: Int(cmark_node_get_start_column(node)))
            if type == CMARK_NODE_HEADING, output.title == nil {
                output.title = CmarkText.plain(node)
            } else if type == CMARK_NODE_CODE_BLOCK {
                // Indented blocks have no info string, fences without attributes no "{": prose.
                let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
                guard info.utf8.contains(UInt8(ascii: "{")), var block = fencedBlock(at: location, literal: Self.literal(node)) else { continue }
                block.endLine = Int(cmark_node_get_end_line(node))
                output.blocks.append(block)
            } else if type == CMARK_NODE_HTML_BLOCK {
                let (blocks, problems) = hiddenBlocks(inHTMLBlockAt: location, literal: Self.literal(node))
                for block in blocks where !seen.contains(block.location) {
                    seen.insert(block.location)
                    output.blocks.append(block)
                }
                output.diagnostics += problems
            } else if type == CMARK_NODE_HTML_INLINE {
                let literal = Self.literal(node)
                guard literal.hasPrefix("<!--"), literal.dropFirst(4).drop(while: { $0.isWhitespace }).hasPrefix("lab:") else {
                    continue
                }
                // An inline comment in a paragraph: cmark 0.30's inline positions are not reliable
                // inside containers, so the comment is found in the source lines of the block
                // that holds it.
                var parent = cmark_node_parent(node)
                while let current = parent, cmark_node_get_start_line(current) == 0 { parent = cmark_node_parent(current) }
                let first = parent.map { Int(cmark_node_get_start_line($0)) } ?? location.line
                let last = parent.map { Int(cmark_node_get_end_line($0)) } ?? first
                let range = first...max(first, last)
                if paragraphLines != range {
                    paragraphLines = range
                    paragraphStarts = labCommentStarts(lines: range)
                    paragraphTaken = 0
                }
                // `<!--` and `lab:` on different lines: no start of the source is this comment's.
                let firstLine = literal.prefix { $0 != "\n" && $0 != "\r" }
                while paragraphTaken < paragraphStarts.count, seen.contains(paragraphStarts[paragraphTaken]) { paragraphTaken += 1 }
                guard firstLine.contains("lab:"), paragraphTaken < paragraphStarts.count else {
                    output.diagnostics.append((SourceLocation(line: max(first, 1), column: 1),
                                               "a lab comment here cannot be read: write '<!-- lab:KIND' on one line"))
                    continue
                }
                let start = paragraphStarts[paragraphTaken]
                paragraphTaken += 1
                seen.insert(start)
                let inline = SourceLines.split(literal).map { Array($0.utf8) }
                output.blocks.append(hiddenBlock(at: start, lines: inline[...], from: 0).block)
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
                if bytes[j..<min(j + 4, bytes.count)].elementsEqual("lab:".utf8) { return i }
            }
            i += 1
        }
        return nil
    }

    /// Every lab comment start in the source `lines`, in order.
    private func labCommentStarts(lines range: ClosedRange<Int>) -> [SourceLocation] {
        var starts: [SourceLocation] = []
        for line in range where line >= 1 && line <= lines.count {
            var from = 0
            while let offset = Self.labCommentStart(in: lines[line - 1], from: from) {
                starts.append(SourceLocation(line: line, column: offset + 1))
                from = offset + 4
            }
        }
        return starts
    }

    /// A node's literal (code, HTML), empty when it has none.
    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// Every lab comment inside one HTML block, wherever it starts (its own block, or inside
    /// `<details>` and other HTML). Literal line k is source line `location.line + k` with the
    /// container prefix (`> `, indentation) removed.
    ///
    /// As in HTML, comments do not nest: a `<!-- lab:` inside a lab comment is part of its
    /// script, and the search for the next one resumes after the `-->`. So each line is looked
    /// at once, however many comments it holds or how long an unclosed one runs.
    private func hiddenBlocks(inHTMLBlockAt location: SourceLocation, literal: String)
        -> ([RawBlock], [(SourceLocation, String)]) {
        var literalLines = SourceLines.bytes(literal)
        if literalLines.last == [] { literalLines.removeLast() }
        var blocks: [RawBlock] = []
        var problems: [(SourceLocation, String)] = []
        /// Bytes of the container prefix of literal line k in the source (`> `, indentation),
        /// worked out once per line however many comments it holds.
        var prefixes: [Int: Int] = [:]
        func prefix(_ k: Int) -> Int {
            if let known = prefixes[k] { return known }
            let sourceLine = location.line + k
            guard sourceLine >= 1, sourceLine <= lines.count else { return 0 }
            let source = lines[sourceLine - 1], bytes = literalLines[k]
            let value = source.count >= bytes.count && source[(source.count - bytes.count)...].elementsEqual(bytes)
                ? source.count - bytes.count : 0
            prefixes[k] = value
            return value
        }
        for (k, bytes) in literalLines.enumerated() {
            // `<!--` ending its line with `lab:` on the next one is meant to run but cannot be
            // read (the kind and attributes belong on the first line): say so.
            let trimmed = Self.trimBlanks(bytes[...])
            if trimmed.count >= 4, trimmed.suffix(4).elementsEqual("<!--".utf8), k + 1 < literalLines.count,
               Self.trimBlanks(literalLines[k + 1][...]).starts(with: "lab:".utf8) {
                let column = trimmed.endIndex - 4 + 1
                problems.append((SourceLocation(line: location.line + k, column: prefix(k) + column),
                                 "a lab comment needs 'lab:' on the line of its '<!--' (<!-- lab:KIND ...)"))
            }
        }
        var k = 0, from = 0
        while k < literalLines.count {
            guard let offset = Self.labCommentStart(in: literalLines[k], from: from) else { k += 1; from = 0; continue }
            let start = SourceLocation(line: location.line + k, column: prefix(k) + offset + 1)
            var (block, close) = hiddenBlock(at: start, lines: literalLines[k...], from: offset)
            if block.problem != nil, k > 0 || offset > 0 {
                block.problem = "hidden block without a closing '-->' in the HTML around it "
                    + "(a blank line ends that HTML block)"
            }
            blocks.append(block)
            guard let close else { break }
            k = close.line; from = close.end
        }
        return (blocks, problems)
    }

    /// `bytes` without leading and trailing blanks (space, tab).
    private static func trimBlanks(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = bytes
        while let c = s.first, c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") { s.removeFirst() }
        while let c = s.last, c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") { s.removeLast() }
        return s
    }

    /// The byte offset of the first `-->` in `bytes` at or after `from`.
    private static func commentEnd(in bytes: [UInt8], from: Int) -> Int? {
        var i = max(from, 0)
        while i + 3 <= bytes.count {
            if bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == UInt8(ascii: "-"), bytes[i + 2] == UInt8(ascii: ">") { return i }
            i += 1
        }
        return nil
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

    /// `<!-- lab:KIND attrs` / script lines / `-->`. The comment's `<!--` is at byte `from` of
    /// `lines.first`, which is at `location`. Also returns where it closes: the index in `lines`
    /// of the line holding the `-->` and the byte just after it, nil when it does not close.
    private func hiddenBlock(at location: SourceLocation, lines: ArraySlice<[UInt8]>, from: Int)
        -> (block: RawBlock, close: (line: Int, end: Int)?) {
        let firstIndex = lines.startIndex
        let first = lines.first ?? []
        var i = min(from + 4, first.count)
        while i < first.count, first[i] == UInt8(ascii: " ") || first[i] == UInt8(ascii: "\t") { i += 1 }
        let spaces = i - min(from + 4, first.count)
        i = min(i + 4, first.count) // "lab:"
        let wordColumn = location.column + 4 + spaces + 4
        let wordStart = i
        while i < first.count, first[i] != UInt8(ascii: " "), first[i] != UInt8(ascii: "\t"), first[i] != UInt8(ascii: "-") { i += 1 }
        let word = String(decoding: first[wordStart..<i], as: UTF8.self)
        let attributesStart = i
        var attributesEnd = first.count
        var body: [String] = []
        var close: (line: Int, end: Int)? = nil
        if let end = Self.commentEnd(in: first, from: attributesStart) {
            attributesEnd = end
            close = (firstIndex, end + 3)
        } else {
            for index in lines.indices.dropFirst() {
                let line = lines[index]
                if let end = Self.commentEnd(in: line, from: 0) {
                    let before = String(decoding: line[..<end], as: UTF8.self)
                    if !before.trimmingSpaces().isEmpty { body.append(before) }
                    close = (index, end + 3)
                    break
                }
                body.append(String(decoding: line, as: UTF8.self))
            }
        }
        let attributes = String(decoding: first[attributesStart..<attributesEnd], as: UTF8.self)
        var block = RawBlock(origin: .hiddenComment, location: location, word: word, wordColumn: wordColumn,
                             attributes: attributes, attributesColumn: location.column + (attributesStart - from),
                             contentLines: body, firstContentLine: location.line + 1,
                             contentColumn: location.column)
        if let close {
            block.endLine = location.line + (close.line - firstIndex)
        } else {
            // Unclosed: the rest of the HTML is not a script (the error says why).
            block.contentLines = []
            block.endLine = location.line + lines.count - 1
            block.problem = "hidden block without a closing '-->'"
            block.problemColumn = location.column
        }
        return (block, close)
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
