import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Times as `logs --since/--until` take them (docker/cli's rules): a Go duration before now
/// (`10m`, `1h30m`, `1.5s`), Unix seconds with an optional fraction (`1700000000.5`), or an
/// RFC 3339 date and time (`2024-01-02`, `2024-01-02T03:04:05`, `...Z`, `...+01:00`,
/// fractions to nanoseconds; without a zone, local time).
public enum LogTimestamp {
    public struct Invalid: Error, CustomStringConvertible {
        public let value: String
        public var description: String { "failed to parse value as time or duration: \"\(value)\"" }
    }

    public static func parse(_ value: String, now: Date = Date()) throws -> (seconds: Int64, nanos: Int) {
        if value != "0", let d = goDuration(value) {
            let t = now.timeIntervalSince1970 - d
            let s = t.rounded(.down)
            return (Int64(s), Int(((t - s) * 1e9).rounded()).clamped(0, 999_999_999))
        }
        if let u = unix(value) { return u }
        if let r = parseRFC3339(value, localIfNoZone: true) { return r }
        throw Invalid(value: value)
    }

    /// `1700000000` or `1700000000.123456789`.
    static func unix(_ v: String) -> (Int64, Int)? {
        let parts = v.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty, first.count <= 12, first.allSatisfy(\.isASCIIDigit),
              let secs = Int64(first) else { return nil }
        var nanos = 0
        if parts.count == 2 {
            guard let n = fraction(parts[1]) else { return nil }
            nanos = n
        }
        return (secs, nanos)
    }

    /// Digits after a decimal point as nanoseconds (1 to 9 digits).
    static func fraction(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.count <= 9, s.allSatisfy(\.isASCIIDigit), let n = Int(s) else { return nil }
        var v = n
        for _ in s.count..<9 { v *= 10 }
        return v
    }

    /// Go's time.ParseDuration grammar: [sign] (number [fraction] unit)+, in seconds.
    static func goDuration(_ s: String) -> Double? {
        var chars = Substring(s)
        var sign = 1.0
        if chars.first == "-" || chars.first == "+" { sign = chars.first == "-" ? -1 : 1; chars = chars.dropFirst() }
        guard !chars.isEmpty else { return nil }
        var total = 0.0
        while !chars.isEmpty {
            let num = chars.prefix { $0.isASCIIDigit || $0 == "." }
            guard !num.isEmpty, num.count <= 20, let v = Double(num) else { return nil }
            chars = chars.dropFirst(num.count)
            let unit = chars.prefix { !$0.isASCIIDigit && $0 != "." }
            chars = chars.dropFirst(unit.count)
            let scale: Double
            switch unit {
            case "ns": scale = 1e-9
            case "us", "µs", "μs": scale = 1e-6
            case "ms": scale = 1e-3
            case "s": scale = 1
            case "m": scale = 60
            case "h": scale = 3600
            default: return nil
            }
            total += v * scale
        }
        return total.isFinite ? sign * total : nil
    }

    /// `YYYY-MM-DD[THH:MM[:SS[.fraction]]][Z|±HH:MM]`.
    public static func parseRFC3339(_ v: String, localIfNoZone: Bool = false) -> (seconds: Int64, nanos: Int)? {
        let b = Array(v.utf8)
        func num(_ at: Int, _ len: Int) -> Int? {
            guard at + len <= b.count else { return nil }
            var n = 0
            for i in at..<(at + len) {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                n = n * 10 + Int(b[i] - 48)
            }
            return n
        }
        guard let year = num(0, 4), b.count >= 10, b[4] == 45, let month = num(5, 2), b[7] == 45, let day = num(8, 2),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var tm = tm()
        tm.tm_year = Int32(year - 1900); tm.tm_mon = Int32(month - 1); tm.tm_mday = Int32(day)
        var i = 10
        var nanos = 0
        if i < b.count && b[i] == UInt8(ascii: "T") {
            guard let h = num(i + 1, 2), i + 3 < b.count, b[i + 3] == 58, let m = num(i + 4, 2), h < 24, m < 60 else { return nil }
            tm.tm_hour = Int32(h); tm.tm_min = Int32(m)
            i += 6
            if i < b.count && b[i] == 58 {
                guard let s = num(i + 1, 2), s < 61 else { return nil }
                tm.tm_sec = Int32(s)
                i += 3
                if i < b.count && b[i] == 46 {
                    var j = i + 1
                    while j < b.count && b[j] >= 48 && b[j] <= 57 { j += 1 }
                    guard let n = fraction(Substring(String(decoding: b[(i + 1)..<j], as: UTF8.self))) else { return nil }
                    nanos = n
                    i = j
                }
            }
        }
        var offset = 0
        var zoned = false
        if i < b.count {
            if b[i] == UInt8(ascii: "Z") && i + 1 == b.count { zoned = true }
            else if (b[i] == 43 || b[i] == 45), let oh = num(i + 1, 2), i + 3 < b.count, b[i + 3] == 58,
                    let om = num(i + 4, 2), i + 6 == b.count, oh < 24, om < 60 {
                offset = (oh * 3600 + om * 60) * (b[i] == 43 ? 1 : -1)
                zoned = true
            } else { return nil }
        } else if !localIfNoZone { return nil }
        let secs: Int
        if zoned { secs = timegm(&tm) - offset } else { tm.tm_isdst = -1; secs = mktime(&tm) }
        return (Int64(secs), nanos)
    }

    /// Docker's RFC3339NanoFixed: always nine digits of fraction, `Z` for UTC.
    public static func format(seconds: Int64, nanos: Int) -> String {
        var t = time_t(seconds)
        var tm = tm()
        gmtime_r(&t, &tm)
        return CFormat.string("%04d-%02d-%02dT%02d:%02d:%02d.%09dZ", Int(tm.tm_year) + 1900, Int(tm.tm_mon) + 1,
                      Int(tm.tm_mday), Int(tm.tm_hour), Int(tm.tm_min), Int(tm.tm_sec), nanos)
    }
}

private extension Int {
    func clamped(_ lo: Int, _ hi: Int) -> Int { Swift.min(Swift.max(self, lo), hi) }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
