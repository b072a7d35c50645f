import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Flag values parsed as Docker's CLI parses them (Go's ParseInt, docker/cli's ParseCPUs and
/// ValidateEnv, go-units' RAMInBytes), every number range-checked before it becomes an Int.
/// Errors are pflag's: `invalid argument "V" for "FLAG" flag: REASON`, exit 125.
enum FlagValue {
    static func error(_ value: String, flag: String, _ reason: String, command: String = "run") -> FlagValueError {
        FlagValueError(command: command, description: "invalid argument \"\(value)\" for \"\(flag)\" flag: \(reason)")
    }

    /// Go's `strconv.ParseInt(s, 0, 64)`, as pflag's int64 flags use it: an optional sign, then
    /// decimal, or 0x/0o/0b/0 (octal) prefixed, with `_` between digits only after a prefix.
    static func int64(_ s: String, flag: String) throws -> Int64 {
        let syntax = error(s, flag: flag, "strconv.ParseInt: parsing \(goQuote(s)): invalid syntax")
        let range = error(s, flag: flag, "strconv.ParseInt: parsing \(goQuote(s)): value out of range")
        var chars = Array(s.utf8)
        var negative = false
        if let first = chars.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            chars.removeFirst()
        }
        guard !chars.isEmpty else { throw syntax }
        var base: UInt64 = 10
        var prefixed = false
        if chars.count > 1, chars[0] == UInt8(ascii: "0") {
            switch chars[1] | 0x20 {
            case UInt8(ascii: "x"): base = 16; prefixed = true; chars.removeFirst(2)
            case UInt8(ascii: "o"): base = 8; prefixed = true; chars.removeFirst(2)
            case UInt8(ascii: "b"): base = 2; prefixed = true; chars.removeFirst(2)
            default: base = 8; prefixed = true; chars.removeFirst(1)
            }
        }
        var magnitude: UInt64 = 0
        var sawDigit = false, lastUnderscore = false
        for (i, c) in chars.enumerated() {
            if c == UInt8(ascii: "_") {
                // Go: underscores only with a base prefix, each between digits (or after it).
                guard prefixed, !lastUnderscore, i + 1 < chars.count else { throw syntax }
                lastUnderscore = true
                continue
            }
            lastUnderscore = false
            let d: UInt64
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt64(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): d = UInt64(c - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): d = UInt64(c - UInt8(ascii: "A")) + 10
            default: throw syntax
            }
            guard d < base else { throw syntax }
            sawDigit = true
            let (m1, o1) = magnitude.multipliedReportingOverflow(by: base)
            let (m2, o2) = m1.addingReportingOverflow(d)
            if o1 || o2 { throw range }
            magnitude = m2
        }
        guard sawDigit || (base == 8 && chars.isEmpty) else { throw syntax }
        let limit = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        guard magnitude <= limit else { throw range }
        return negative ? (magnitude == limit ? Int64.min : -Int64(magnitude)) : Int64(magnitude)
    }

    /// docker/cli's ParseCPUs: a rational number ("1.5", "2e-1", "3/4") times 1e9, which must
    /// come out whole ("value is too precise" otherwise). Values beyond Int64 come back clamped
    /// to Int64.min/max: only the daemon's range check sees them, and it refuses them.
    static func nanoCPUs(_ s: String, flag: String = "--cpus") throws -> Int64 {
        let notRational = error(s, flag: flag, "failed to parse \(s) as a rational number")
        let tooPrecise = error(s, flag: flag, "value is too precise")
        if let slash = s.firstIndex(of: "/") {
            return try fractionNano(String(s[..<slash]), String(s[s.index(after: slash)...]),
                                    notRational: notRational, tooPrecise: tooPrecise)
        }
        guard let d = DecimalText(s) else { throw notRational }
        // value = digits × 10^(exponent), so nano = digits × 10^(exponent + 9).
        guard let digits = d.significantDigits else { return 0 }
        let shift = d.exponent + 9
        if shift < 0 { throw tooPrecise }   // the last significant digit is not zero
        let clamp: Int64 = d.negative ? .min : .max
        if digits.count + shift > 19 { return clamp }
        var v: Int64 = 0
        for c in digits.utf8 {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(c - UInt8(ascii: "0")))
            if o1 || o2 { return clamp }
            v = a
        }
        for _ in 0..<shift {
            let (m, o) = v.multipliedReportingOverflow(by: 10)
            if o { return clamp }
            v = m
        }
        return d.negative ? -v : v
    }

    /// "a/b" as Go's big.Rat reads it: a signed integer over a positive one.
    private static func fractionNano(_ a: String, _ b: String, notRational: FlagValueError, tooPrecise: FlagValueError) throws -> Int64 {
        var num = Substring(a)
        var negative = false
        if let f = num.first, f == "+" || f == "-" { negative = f == "-"; num = num.dropFirst() }
        let isDigits: (Substring) -> Bool = { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        guard isDigits(num), isDigits(Substring(b)) else { throw notRational }
        let n = num.drop { $0 == "0" }, dnm = Substring(b).drop { $0 == "0" }
        guard !dnm.isEmpty else { throw notRational }   // division by zero
        if n.isEmpty { return 0 }
        let clamp: Int64 = negative ? .min : .max
        // Beyond 19 digits neither fits a UInt64: an exact answer would need big integers, and
        // such a value is either far out of range (numerator longer) or not a whole nano count.
        guard n.count <= 19, dnm.count <= 19, let nv = UInt64(n), let dv = UInt64(dnm) else {
            if n.count > dnm.count + 10 { return clamp }
            throw tooPrecise
        }
        let wide = nv.multipliedFullWidth(by: 1_000_000_000)
        guard wide.high < dv else { return clamp }
        let (q, r) = dv.dividingFullWidth(wide)
        guard r == 0 else { throw tooPrecise }
        guard q <= UInt64(Int64.max) else { return clamp }
        return negative ? -Int64(q) : Int64(q)
    }

    /// go-units' RAMInBytes: `^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$`, binary multiples.
    /// A size beyond Int64 is refused here (Go would wrap it around).
    static func bytes(_ s: String, flag: String) throws -> Int64 {
        let invalid = error(s, flag: flag, "invalid size: '\(s)'")
        var rest = Substring(s)
        let numberEnd = rest.firstIndex { !($0.isASCII && ($0.isNumber || $0 == ".")) } ?? rest.endIndex
        let number = rest[..<numberEnd]
        rest = rest[numberEnd...]
        // `\d+(\.\d+)*`: digit groups separated by single dots; Go's ParseFloat then takes it.
        let groups = number.split(separator: ".", omittingEmptySubsequences: false)
        guard !number.isEmpty, groups.allSatisfy({ !$0.isEmpty }) else { throw invalid }
        guard groups.count <= 2 else { throw invalid }   // "1.2.3" matches the pattern, ParseFloat refuses it
        if rest.first == " " { rest = rest.dropFirst() }
        var multiplier: Int64 = 1
        if let u = rest.first, let power = "kmgtp".firstIndex(of: Character(u.lowercased())) {
            multiplier = Int64(1) << (10 * ("kmgtp".distance(from: "kmgtp".startIndex, to: power) + 1))
            rest = rest.dropFirst()
        }
        if let i = rest.first, i == "i" || i == "I" { rest = rest.dropFirst() }
        if let b = rest.first, b == "b" || b == "B" { rest = rest.dropFirst() }
        guard rest.isEmpty else { throw invalid }
        guard let d = DecimalText(String(number)), !d.negative else { throw invalid }
        guard let digits = d.significantDigits else { return 0 }
        // Whole bytes: Go multiplies the float and truncates; so do we, exactly.
        let intDigits = digits.count + d.exponent
        if intDigits > 19 { throw invalid }
        var whole: Int64 = 0, frac: Double = 0, scale: Double = 1
        for (i, c) in digits.utf8.enumerated() {
            let digit = Int64(c - UInt8(ascii: "0"))
            if i < intDigits {
                let (m, o1) = whole.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(digit)
                if o1 || o2 { throw invalid }
                whole = a
            } else {
                scale /= 10
                frac += Double(digit) * scale
            }
        }
        for _ in 0..<max(0, intDigits - digits.count) {
            let (m, o) = whole.multipliedReportingOverflow(by: 10)
            if o { throw invalid }
            whole = m
        }
        if intDigits < 0 { frac /= pow(10, Double(-intDigits)) }
        let (big, o1) = whole.multipliedReportingOverflow(by: multiplier)
        // The fraction of a unit is below one unit, so it fits whenever the whole part did.
        let part = Int64((frac * Double(multiplier)).rounded(.down))
        let (total, o2) = big.addingReportingOverflow(part)
        if o1 || o2 { throw invalid }
        return total
    }

    /// docker/cli's ValidateEnv: a name is required before any "=".
    static func env(_ s: String, command: String = "run") throws -> String {
        let key = s.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard !key.isEmpty else { throw error(s, flag: "-e, --env", "invalid environment variable: \(s)", command: command) }
        return s
    }

    /// Go's %q of ASCII text (what strconv's errors show).
    static func goQuote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7f { out += CFormat.string("\\x%02x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
