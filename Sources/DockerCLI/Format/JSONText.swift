import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// JSON text as Go's encoding/json writes it for Docker: struct fields (`JSONObject`) in their
/// order, maps with sorted keys, `"Key": value` with four-space indents, `{}` and `[]` for
/// empty ones, no escaping of `<`, `>`, `&` or `/` (Docker turns HTML escaping off).
public enum JSONText {
    public static func compact(_ v: Any) -> String {
        var out = ""
        write(v, indent: nil, level: 0, into: &out)
        return out
    }

    /// Docker's `inspect`: an indented array.
    public static func pretty(_ v: Any) -> String {
        var out = ""
        write(v, indent: "    ", level: 0, into: &out)
        return out
    }

    static func write(_ v: Any, indent: String?, level: Int, into out: inout String) {
        func newline(_ l: Int) {
            guard let indent else { return }
            out += "\n" + String(repeating: indent, count: l)
        }
        let colon = indent == nil ? ":" : ": "
        switch v {
        case is JSONNull: out += "null"
        case let s as String: out += quote(s)
        case let b as Bool: out += b ? "true" : "false"
        case let n as Int: out += String(n)
        case let n as Int64: out += String(n)
        case let n as Int32: out += String(n)
        case let n as UInt32: out += String(n)
        case let n as UInt64: out += String(n)
        case let d as Double: out += d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)) : "null"
        case let a as [Any]:
            if a.isEmpty { out += "[]"; return }
            out += "["
            for (i, e) in a.enumerated() {
                if i > 0 { out += "," }
                newline(level + 1)
                write(e, indent: indent, level: level + 1, into: &out)
            }
            newline(level)
            out += "]"
        case let o as JSONObject:
            let shown = o.entries.filter { !$0.hiddenInJSON }
            writeObject(shown.map { ($0.key, $0.value) }, indent: indent, level: level, colon: colon, into: &out)
        case let m as [String: Any]:
            writeObject(m.keys.sorted().map { ($0, m[$0] as Any) }, indent: indent, level: level, colon: colon, into: &out)
        case let m as [String: String]:
            writeObject(m.keys.sorted().map { ($0, m[$0] as Any) }, indent: indent, level: level, colon: colon, into: &out)
        case let a as [String]: write(a as [Any], indent: indent, level: level, into: &out)
        default: out += quote("\(v)")
        }
    }

    static func writeObject(_ all: [(String, Any)], indent: String?, level: Int, colon: String, into out: inout String) {
        let pairs = all.filter { !($0.1 is GoTemplate.Method) }   // methods (`.Label`) are not data
        if pairs.isEmpty { out += "{}"; return }
        out += "{"
        for (i, (k, v)) in pairs.enumerated() {
            if i > 0 { out += "," }
            if let indent { out += "\n" + String(repeating: indent, count: level + 1) }
            out += quote(k) + colon
            write(v, indent: indent, level: level + 1, into: &out)
        }
        if let indent { out += "\n" + String(repeating: indent, count: level) }
        out += "}"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 { out += CFormat.string("\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
