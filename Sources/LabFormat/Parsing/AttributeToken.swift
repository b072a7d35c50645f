/// One word of an attribute list: `#id`, a bare word, or `key=value`.
struct AttributeToken: Equatable {
    var key: String
    var value: String?
    /// 1-based column of the token's first character in its source line.
    var column: Int
}
