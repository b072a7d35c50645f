/// A decimal number as text, `[+-]digits[.digits][e[+-]digits]` (".5" and "5." too), read
/// exactly: value = significantDigits × 10^exponent. Nothing is converted to a Double, so
/// "1e-300" or 400 nines are judged as written, never rounded or overflowed.
struct DecimalText {
    var negative = false
    /// The digits without leading or trailing zeros; nil for zero.
    var significantDigits: String?
    /// Clamped to ±1,000,000: anything further is out of every range isolab accepts.
    var exponent = 0

    init?(_ s: String) {
        let u = Array(s.utf8)
        var i = 0
        let isDigit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        func digits() -> ArraySlice<UInt8> {
            let start = i
            while i < u.count, isDigit(u[i]) { i += 1 }
            return u[start..<i]
        }
        if i < u.count, u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-") {
            negative = u[i] == UInt8(ascii: "-")
            i += 1
        }
        let intPart = digits()
        var fracPart: ArraySlice<UInt8> = []
        if i < u.count, u[i] == UInt8(ascii: ".") {
            i += 1
            fracPart = digits()
        }
        guard !intPart.isEmpty || !fracPart.isEmpty else { return nil }
        var exp = 0
        if i < u.count, u[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var expNegative = false
            if i < u.count, u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-") {
                expNegative = u[i] == UInt8(ascii: "-")
                i += 1
            }
            let e = digits()
            guard !e.isEmpty else { return nil }
            for d in e { exp = min(exp * 10 + Int(d - 0x30), 1_000_000) }
            if expNegative { exp = -exp }
        }
        guard i == u.count else { return nil }
        let all = Array(intPart) + Array(fracPart)
        guard let firstNonZero = all.firstIndex(where: { $0 != 0x30 }) else { return }
        let lastNonZero = all.lastIndex(where: { $0 != 0x30 }) ?? firstNonZero
        significantDigits = String(decoding: all[firstNonZero...lastNonZero], as: UTF8.self)
        // The last significant digit sits (all.count - 1 - lastNonZero) places left of the end,
        // and the end is fracPart.count places right of the point.
        exponent = exp - fracPart.count + (all.count - 1 - lastNonZero)
    }
}
