/// One attribute a block's `{…}` list may carry: its name, whether it takes a value, and how
/// its value is checked and lands in the block. `BlockAttribute+Table.swift` lists them all; a
/// new attribute is one entry there (and, when it carries something new, a `LabBlock` field).
struct BlockAttribute: Sendable {
    enum Value: Sendable {
        /// A bare word: `background`.
        case none
        /// `name=value`; a quoted value may hold spaces (`hint="two words"`).
        case required
    }

    let name: String
    let value: Value
    /// Whether it may appear more than once (`hint`: one per failure, in order).
    let repeatable: Bool
    /// Checks one occurrence (a bare word's `value` is nil) against the block's kind and the
    /// other attributes given, and sets what it means in `block`; problems go to `context`.
    let apply: @Sendable (_ token: AttributeToken, _ block: inout LabBlock, _ context: inout BlockAttributeContext) -> Void

    /// The entry named `name`, if any.
    static func named(_ name: String) -> BlockAttribute? { table.first { $0.name == name } }
}
