import CCmark

/// The plain text of a cmark node's inlines: a heading's title, an image's alt text. Literals of
/// text and code, a space for a line break, nested inlines (emphasis, links, images) by their text.
public enum CmarkText {
    public static func plain(_ node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                text += cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            } else {
                text += plain(current)
            }
            child = cmark_node_next(current)
        }
        return text
    }
}
