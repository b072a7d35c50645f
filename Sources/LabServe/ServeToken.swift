/// The secret in the URL that `lab serve` prints: 128 random bits as hex. Whoever has it gets a
/// root shell, so it comes from the system's secure generator and is compared in constant time.
public struct ServeToken: Sendable, Equatable {
    public let value: String

    public init() {
        var generator = SystemRandomNumberGenerator()
        value = (0..<4).map { _ in
            let word = UInt32.random(in: .min ... .max, using: &generator)
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }.joined()
    }

    public init(value: String) { self.value = value }

    /// Whether `candidate` is the token, in time that does not depend on where they differ.
    public func matches(_ candidate: String?) -> Bool {
        guard let candidate else { return false }
        let a = Array(value.utf8), b = Array(candidate.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<a.count { difference |= a[i] ^ (i < b.count ? b[i] : 0) }
        return difference == 0
    }
}
