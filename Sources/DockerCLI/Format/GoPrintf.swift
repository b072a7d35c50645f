import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Go's fmt.Sprintf for the verbs templates use: %s %v %d %q %f %x %t %%, with `-`/`0` flags,
/// width and precision. A verb without its argument prints `%!v(MISSING)`, as Go's.
enum GoPrintf {
    static func format(_ f: String, _ args: [Any]) -> String {
        var out = ""
        var next = 0
        var chars = f[...]
        while let c = chars.first {
            chars.removeFirst()
            guard c == "%" else { out.append(c); continue }
            var left = false, zero = false, plus = false
            while let fl = chars.first, "-0+ #".contains(fl) {
                if fl == "-" { left = true } else if fl == "0" { zero = true } else if fl == "+" { plus = true }
                chars.removeFirst()
            }
            let widthDigits = chars.prefix { $0.isNumber }
            chars = chars.dropFirst(widthDigits.count)
            var precision: Int?
            if chars.first == "." {
                chars.removeFirst()
                let p = chars.prefix { $0.isNumber }
                chars = chars.dropFirst(p.count)
                precision = p.isEmpty ? 0 : Int(p) ?? Int.max
            }
            // Go's fmt refuses a width or precision beyond 1e6 (BADWIDTH, BADPREC) rather than
            // build a string that long; so does this, then goes on without it.
            var width = widthDigits.isEmpty ? nil : Int(widthDigits) ?? Int.max
            if let w = width, w > maxWidth { out += "%!(BADWIDTH)"; width = nil }
            if let p = precision, p > maxWidth { out += "%!(BADPREC)"; precision = nil }
            guard let verb = chars.first else { out += "%!(NOVERB)"; break }
            chars.removeFirst()
            if verb == "%" { out += "%"; continue }
            guard next < args.count else { out += "%!\(verb)(MISSING)"; continue }
            let arg = args[next]
            next += 1
            var s: String
            switch verb {
            case "d":
                if let n = integer(arg) { s = String(n); if plus && n >= 0 { s = "+" + s } } else { s = "%!d(\(GoTemplate.show(arg)))" }
            case "f", "F":
                if let n = GoTemplate.number(arg) { s = CFormat.string("%.\(precision ?? 6)f", n) } else { s = "%!f(\(GoTemplate.show(arg)))" }
            case "x":
                if let n = integer(arg) { s = String(n, radix: 16) } else if GoTemplate.number(arg) != nil { s = "%!x(\(GoTemplate.show(arg)))" } else { s = GoTemplate.show(arg).utf8.map { CFormat.string("%02x", $0) }.joined() }
            case "q": s = JSONText.quote(GoTemplate.show(arg))
            case "t", "s", "v":
                s = GoTemplate.show(arg)
                if let p = precision, verb == "s" { s = String(s.prefix(p)) }
            default: s = "%!\(verb)(\(GoTemplate.show(arg)))"
            }
            if let w = width, s.count < w {
                let pad = String(repeating: zero && !left ? "0" : " ", count: w - s.count)
                s = left ? s + pad : pad + s
            }
            out += s
        }
        if next < args.count { out += "%!(EXTRA " + args[next...].map(GoTemplate.show).joined(separator: ", ") + ")" }
        return out
    }

    static let maxWidth = 1_000_000

    /// An integer argument of %d and %x; a number beyond Int64 (or not a number: NaN, an
    /// infinity) is none, where Int64() of it would trap. A fraction is cut off, as before.
    static func integer(_ v: Any) -> Int64? {
        guard let n = GoTemplate.number(v), n.isFinite else { return nil }
        return Int64(exactly: n.rounded(.towardZero))
    }
}
