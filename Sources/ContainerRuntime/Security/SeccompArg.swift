/// An argument comparison of a profile rule: argument `index` (0...5) compared by `op`
/// (SCMP_CMP_*) with `value`; SCMP_CMP_MASKED_EQ means `(arg & value) == valueTwo`.
public struct SeccompArg: Codable, Sendable, Equatable {
    public var index: UInt64
    public var value: UInt64
    public var valueTwo: UInt64?
    public var op: String

    public init(index: UInt64, value: UInt64, valueTwo: UInt64? = nil, op: String) {
        self.index = index
        self.value = value
        self.valueTwo = valueTwo
        self.op = op
    }
}
