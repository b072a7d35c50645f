import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// RFC 3339 times as Docker writes them in image configs (`2024-05-01T10:00:00.123456789Z`).
/// Written and read by hand: ISO8601DateFormatter is not in FoundationEssentials (see CFormat).
public enum ImageDates {
    public static func format(_ date: Date) -> String {
        // Years 1 to 9999 (what RFC 3339 can write); a date beyond them is written as the end.
        let t = date.timeIntervalSince1970
        let clamped = t.isNaN ? 0 : min(max(t, -62_135_596_800), 253_402_300_799.999_999_999)
        let seconds = clamped.rounded(.down)
        let nanos = min(max(Int((clamped - seconds) * 1_000_000_000), 0), 999_999_999)
        var time = time_t(seconds)
        var tm = Glibc.tm()
        gmtime_r(&time, &tm)
        let base = CFormat.string("%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                                  tm.tm_hour, tm.tm_min, tm.tm_sec)
        return nanos == 0 ? base + "Z" : base + CFormat.string(".%09d", Int32(nanos)) + "Z"
    }

    /// Parses RFC 3339 (`YYYY-MM-DDTHH:MM:SS`, any number of fractional digits, `Z` or `±HH:MM`);
    /// nil when it is not one.
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        func number(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= b.count else { return nil }
            var n = 0
            for c in b[at..<(at + count)] {
                guard c >= 0x30, c <= 0x39 else { return nil }
                n = n * 10 + Int(c - 0x30)
            }
            return n
        }
        func byte(_ at: Int, _ options: String) -> Bool { at < b.count && options.utf8.contains(b[at]) }
        guard let year = number(0, 4), byte(4, "-"), let month = number(5, 2), byte(7, "-"), let day = number(8, 2),
              byte(10, "Tt "), let hour = number(11, 2), byte(13, ":"), let minute = number(14, 2), byte(16, ":"),
              let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second <= 60 else { return nil }
        var i = 19
        var fraction = 0.0
        if byte(i, ".") {
            var scale = 0.1
            i += 1
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { fraction += Double(b[i] - 0x30) * scale; scale /= 10; i += 1 }
            guard i > start else { return nil }
        }
        var offset = 0
        if byte(i, "Zz") {
            i += 1
        } else if byte(i, "+-"), let h = number(i + 1, 2), byte(i + 3, ":"), let m = number(i + 4, 2), h < 24, m < 60 {
            offset = (h * 3600 + m * 60) * (b[i] == UInt8(ascii: "-") ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        var tm = Glibc.tm()
        tm.tm_year = Int32(year - 1900)
        tm.tm_mon = Int32(month - 1)
        tm.tm_mday = Int32(day)
        tm.tm_hour = Int32(hour)
        tm.tm_min = Int32(minute)
        tm.tm_sec = Int32(second)
        let t = timegm(&tm)
        return Date(timeIntervalSince1970: Double(t - time_t(offset)) + fraction)
    }
}
