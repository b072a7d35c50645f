/// One word of an attribute list: `#id`, a bare word, or `key=value`.
struct AttributeToken: Equatable {
    var key: String
    var value: String?
    /// 1-based column of the token's first character in its source line.
    var column: Int
    /// Column of the value's first byte (after an opening quote); `column` for a bare word.
    var valueColumn: Int = 0
    /// Offsets in `value` (UTF-8) of the bytes written with a backslash before them, so a
    /// position in the value maps back to its column.
    var escapedOffsets: [Int] = []

    init(key: String, value: String?, column: Int, valueColumn: Int? = nil, escapedOffsets: [Int] = []) {
        self.key = key; self.value = value; self.column = column
        self.valueColumn = valueColumn ?? column; self.escapedOffsets = escapedOffsets
    }

    /// The source column of the value's byte at `offset`: every escape before it took one more.
    func column(ofValueOffset offset: Int) -> Int {
        // `escapedOffsets` is ascending: count those at or before `offset` by bisection, so a
        // long value with many escapes and many words stays linear overall.
        var low = 0, high = escapedOffsets.count
        while low < high {
            let middle = (low + high) / 2
            if escapedOffsets[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        return valueColumn + offset + low
    }
}
