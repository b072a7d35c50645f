/// An executable block as found in the Markdown, before its attributes are interpreted.
struct RawBlock {
    enum Origin { case fence, hiddenComment }
    var origin: Origin
    /// Where the block opens.
    var location: SourceLocation
    /// `console`, `sh`, … (fences); for hidden blocks the word after `lab:`.
    var word: String
    /// Column of `word` (hidden blocks) in the opening line.
    var wordColumn: Int
    /// The attribute list without braces, and the column of its first character.
    var attributes: String
    var attributesColumn: Int
    /// The lines the block runs or expects, and the line number of the first one.
    var contentLines: [String]
    var firstContentLine: Int
    /// Column where content lines start (for diagnostics inside the block).
    var contentColumn: Int
    /// A problem in the opening line itself (an unclosed list or comment), reported by the parser.
    var problem: String? = nil
    /// The block's last line (its closing fence or `-->`).
    var endLine: Int = 0
    var problemColumn: Int = 0
}
