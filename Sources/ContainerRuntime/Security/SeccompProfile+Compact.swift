import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension SeccompProfile {
    /// docker/cli's json.Compact of a profile file: the same JSON without the whitespace between
    /// tokens, so `--security-opt seccomp=<that>` carries the profile itself (what Docker's
    /// client sends and `inspect` shows). Throws a description when the bytes are not JSON.
    public static func compact(_ data: Data) throws -> String {
        guard data.count <= maxBytes else { throw invalid("the file is \(data.count) bytes, more than \(maxBytes)") }
        try checkDepth(data)
        do { _ = try UntypedJSON.parse(data) } catch {
            throw invalid(UntypedJSON.detail(of: error) ?? "not valid JSON")
        }
        var out: [UInt8] = []
        out.reserveCapacity(data.count)
        var inString = false, escaped = false
        for b in data {
            if inString {
                out.append(b)
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch b {
            case 0x20, 0x09, 0x0a, 0x0d: continue   // JSON's whitespace between tokens
            case UInt8(ascii: "\""): inString = true; out.append(b)
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
