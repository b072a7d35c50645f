import CCmark
import Foundation

/// Markdown prose for a terminal, from cmark's AST: headings, emphasis, inline code, lists,
/// links with their URL, block quotes and code blocks, wrapped to `width`. Raw HTML (and with it
/// a lab's hidden `<!-- lab:… -->` blocks) is left out. One pass with cmark's iterator: the
/// nesting of the input never becomes recursion here.
public enum MarkdownTerminalRenderer {
    /// A block container the lines of its children are prefixed with.
    private struct Container {
        var first: String
        var rest: String
        var usedFirst = false
        /// An item of a tight list: no blank lines between its blocks.
        var tightItem = false
    }

    private struct ListContext {
        var ordered: Bool
        var next: Int
        var tight: Bool
    }

    /// The rendered lines (no trailing newline on each), without leading or trailing blank lines.
    public static func render(_ markdown: String, width: Int, style: TerminalStyle) -> [String] {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        guard let document = cmark_parse_document(markdown, markdown.utf8.count, options) else { return [] }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }

        var lines: [String] = []
        var containers: [Container] = []
        var lists: [ListContext] = []
        var spans: [TerminalSpan] = []
        var collecting = false
        var pendingBlank = false
        var strong = 0, emphasis = 0, headingLevel = 0
        // Where each open link's text starts among the spans (its URL follows the text).
        var linkStarts: [Int] = []

        func prefix() -> String {
            var text = ""
            for i in containers.indices {
                text += containers[i].usedFirst ? containers[i].rest : containers[i].first
                containers[i].usedFirst = true
            }
            return text
        }
        func restPrefixWidth() -> Int { containers.reduce(0) { $0 + $1.rest.count } }
        func emit(_ body: String) {
            let p = prefix()
            lines.append(style.color ? p.replacingOccurrences(of: "│", with: style.dim("│")) + body : p + body)
        }
        func blankIfNeeded() {
            defer { pendingBlank = false }
            guard pendingBlank, !lines.isEmpty else { return }
            if containers.last?.tightItem == true { return }
            var p = ""
            for c in containers { p += c.usedFirst ? c.rest : "" }
            while p.hasSuffix(" ") { p.removeLast() }
            lines.append(p)
        }
        func look() -> TerminalSpan.Look {
            var l: TerminalSpan.Look = []
            if strong > 0 { l.insert(.bold) }
            if emphasis > 0 { l.insert(.italic) }
            if headingLevel > 0 { l.insert(.heading) }
            return l
        }
        func flush() {
            let available = width - restPrefixWidth()
            for line in TerminalWrapper.wrap(spans, width: available, style: style) { emit(line) }
            if !style.color, headingLevel > 0, headingLevel <= 2 {
                let length = spans.reduce(0) { $0 + $1.text.count }
                emit(String(repeating: headingLevel == 1 ? "=" : "-", count: min(max(length, 3), available)))
            }
            spans = []
            collecting = false
            pendingBlank = true
        }
        func literal(_ node: OpaquePointer) -> String {
            cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        }

        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let entering = event == CMARK_EVENT_ENTER

            switch type {
            case CMARK_NODE_BLOCK_QUOTE:
                if entering { blankIfNeeded(); containers.append(Container(first: "│ ", rest: "│ ")) }
                else { containers.removeLast(); pendingBlank = true }
            case CMARK_NODE_LIST:
                if entering {
                    blankIfNeeded()
                    lists.append(ListContext(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                                             next: Int(cmark_node_get_list_start(node)),
                                             tight: cmark_node_get_list_tight(node) != 0))
                } else {
                    lists.removeLast(); pendingBlank = true
                }
            case CMARK_NODE_ITEM:
                if entering {
                    let list = lists.last ?? ListContext(ordered: false, next: 1, tight: true)
                    if !list.tight { blankIfNeeded() } else { pendingBlank = false }
                    let marker = list.ordered ? "\(list.next). " : "• "
                    if !lists.isEmpty { lists[lists.count - 1].next += 1 }
                    containers.append(Container(first: marker, rest: String(repeating: " ", count: marker.count),
                                                tightItem: list.tight))
                } else {
                    containers.removeLast()
                    pendingBlank = !(lists.last?.tight ?? false)
                }
            case CMARK_NODE_PARAGRAPH:
                if entering { blankIfNeeded(); collecting = true } else { flush() }
            case CMARK_NODE_HEADING:
                if entering {
                    blankIfNeeded(); collecting = true
                    headingLevel = Int(cmark_node_get_heading_level(node))
                } else {
                    flush(); headingLevel = 0
                }
            case CMARK_NODE_CODE_BLOCK:
                blankIfNeeded()
                var text = literal(node)
                if text.hasSuffix("\n") { text.removeLast() }
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    emit("    " + style.dim(String(line)))
                }
                pendingBlank = true
            case CMARK_NODE_THEMATIC_BREAK:
                blankIfNeeded()
                emit(style.dim(String(repeating: "─", count: max(3, min(40, width - restPrefixWidth())))))
                pendingBlank = true
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE, CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
                continue  // raw HTML is not shown (hidden lab blocks live there)
            case CMARK_NODE_TEXT:
                if collecting { spans.append(TerminalSpan(text: literal(node), look: look())) }
            case CMARK_NODE_CODE:
                guard collecting else { continue }
                let text = literal(node)
                spans.append(TerminalSpan(text: style.color ? text : "`" + text + "`", look: look().union(.code)))
            case CMARK_NODE_SOFTBREAK:
                if collecting { spans.append(TerminalSpan(text: " ", look: [])) }
            case CMARK_NODE_LINEBREAK:
                if collecting { spans.append(TerminalSpan(text: "\n", look: [])) }
            case CMARK_NODE_STRONG:
                strong += entering ? 1 : -1
            case CMARK_NODE_EMPH:
                emphasis += entering ? 1 : -1
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                if entering {
                    if type == CMARK_NODE_IMAGE, collecting { spans.append(TerminalSpan(text: "[image: ", look: look())) }
                    linkStarts.append(spans.count)
                } else {
                    let start = linkStarts.popLast() ?? spans.count
                    let text = spans[min(start, spans.count)...].map(\.text).joined()
                    if type == CMARK_NODE_IMAGE, collecting { spans.append(TerminalSpan(text: "]", look: look())) }
                    if collecting, !url.isEmpty, text != url, "mailto:" + text != url {
                        spans.append(TerminalSpan(text: " (", look: []))
                        spans.append(TerminalSpan(text: url, look: .url))
                        spans.append(TerminalSpan(text: ")", look: []))
                    }
                }
            default:
                continue
            }
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        return lines
    }
}
