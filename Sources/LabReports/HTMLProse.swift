import CCmark
import LabResults
import LabFormat
import Foundation

/// Renders a lab's Markdown with cmark, safe mode (raw HTML and `javascript:` links in the
/// lab are left out, CMARK_OPT_UNSAFE off), putting a caller-made card in place of each
/// executable block. Images become text (`[image: ALT] (URL)`): the report is one
/// self-contained file that loads nothing, offline or printed, and tells no server it was opened.
public enum HTMLProse {
    /// The prose as HTML, and the line numbers of `cards` that no block of the Markdown
    /// started on (the caller shows those after the prose, so no block goes missing).
    ///
    /// `cards` maps a block's opening line (1-based, as in `BlockResult.line`) to its HTML.
    /// The fenced code block or HTML block (`<!-- lab:... -->`) starting on that line is
    /// replaced by a placeholder paragraph before rendering, and the placeholder by the card
    /// after, so cards also land correctly inside lists and block quotes.
    public static func render(markdown: String, cards: [Int: String]) -> (html: String, unplaced: [Int]) {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        guard let document = cmark_parse_document(markdown, markdown.utf8.count, options) else {
            return ("", cards.keys.sorted())
        }
        defer { cmark_node_free(document) }

        // Collect first, replace after: cmark's iterator must not see the tree change under it.
        var targets: [(node: OpaquePointer, line: Int)] = []
        var images: [OpaquePointer] = []
        if let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_IMAGE {
                    // Its alt text may hold another image: skip the children, or that one
                    // would be freed with this one and then replaced again.
                    images.append(node)
                    cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                    continue
                }
                guard type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK else { continue }
                let line = Int(cmark_node_get_start_line(node))
                if cards[line] != nil { targets.append((node, line)) }
            }
        }

        for image in images {
            let url = cmark_node_get_url(image).map { String(cString: $0) } ?? ""
            var literal = "[image: \(CmarkText.plain(image))]"
            if !url.isEmpty { literal += " (\(url))" }
            guard let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            cmark_node_set_literal(text, literal)
            if cmark_node_replace(image, text) == 1 { cmark_node_free(image) } else { cmark_node_free(text) }
        }

        // A token no lab can contain by chance; it survives cmark's escaping unchanged.
        let salt = UUID().uuidString.replacingOccurrences(of: "-", with: "")
        func token(_ line: Int) -> String { "ISOLABCARD\(salt)L\(line)E" }
        var placed: [Int] = []
        for (node, line) in targets where !placed.contains(line) {
            guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) else { continue }
            guard let text = cmark_node_new(CMARK_NODE_TEXT) else { cmark_node_free(paragraph); continue }
            cmark_node_set_literal(text, token(line))
            cmark_node_append_child(paragraph, text)
            if cmark_node_replace(node, paragraph) == 1 {
                cmark_node_free(node)
                placed.append(line)
            } else {
                cmark_node_free(paragraph)
            }
        }

        guard let rendered = cmark_render_html(document, options) else { return ("", cards.keys.sorted()) }
        defer { free(rendered) }
        var html = String(cString: rendered)
        for line in placed {
            guard let card = cards[line] else { continue }
            // Loose paragraphs render as <p>token</p>, tight list items as the bare token.
            html = html.replacingOccurrences(of: "<p>\(token(line))</p>", with: card)
            html = html.replacingOccurrences(of: token(line), with: card)
        }
        let unplaced = cards.keys.filter { !placed.contains($0) }.sorted()
        return (html, unplaced)
    }
}
