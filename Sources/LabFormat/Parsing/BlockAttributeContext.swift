/// What an attribute's `apply` may look at besides its own token (the block's kind, which other
/// attributes were given), and where it reports problems.
struct BlockAttributeContext {
    let kind: LabBlockKind
    /// The attribute names present in the list, whatever their order.
    let given: Set<String>
    /// Problems with their columns, in the order found.
    private(set) var problems: [(message: String, column: Int?)] = []

    init(kind: LabBlockKind, given: Set<String>) {
        self.kind = kind; self.given = given
    }

    mutating func error(_ message: String, column: Int?) {
        problems.append((message, column))
    }

    /// A duration attribute in seconds, or nil after reporting why it is malformed or too long.
    mutating func duration(_ token: AttributeToken, max: Double, examples: String) -> Double? {
        let text = token.value ?? ""
        guard let seconds = LabDuration.seconds(text) else {
            error("malformed duration \(token.key)=\(Self.shown(text)) (use \(examples))", column: token.column)
            return nil
        }
        guard seconds <= max else {
            error("\(token.key)=\(Self.shown(text)) out of range: at most \(LabDuration.text(max))", column: token.column)
            return nil
        }
        return seconds
    }

    /// An attribute value in a message, cut short: a value can be kilobytes long.
    static func shown(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "…"
    }
}
