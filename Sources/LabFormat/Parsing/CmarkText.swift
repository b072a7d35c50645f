import CCmark

/// The plain text of a cmark node's inlines: a heading's title, an image's alt text. Literals of
/// text and code, a space for a line break, nested inlines (emphasis, links, images) by their text.
public enum CmarkText {
    /// Walks the subtree with cmark's iterator, not by recursion: emphasis can nest as deep as
    /// the input is long (`**` × 100 000 is 400 KB), which would overflow the stack.
    public static func plain(_ node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator), current != node else { continue }
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }
}
