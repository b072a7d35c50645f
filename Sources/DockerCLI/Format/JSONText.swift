import Foundation

/// JSON text of JSON-shaped values, as Docker prints it.
public enum JSONText {
    public static func compact(_ v: Any) -> String { encode(v, pretty: false) }

    /// Docker's `inspect`: an indented array.
    public static func pretty(_ v: Any) -> String { encode(v, pretty: true) }

    static func encode(_ v: Any, pretty: Bool) -> String {
        if v is NSNull { return "null" }
        if let s = v as? String { return quote(s) }
        if let b = v as? Bool { return b ? "true" : "false" }
        var opts: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed]
        if pretty { opts.insert(.prettyPrinted) }
        guard let data = try? JSONSerialization.data(withJSONObject: v, options: opts) else { return "null" }
        let s = String(decoding: data, as: UTF8.self)
        return pretty ? reindent(s) : s
    }

    static func quote(_ s: String) -> String {
        (try? JSONSerialization.data(withJSONObject: s, options: [.fragmentsAllowed, .withoutEscapingSlashes]))
            .map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }

    /// Foundation indents by two spaces; Docker by four.
    static func reindent(_ s: String) -> String {
        s.components(separatedBy: "\n").map { line -> String in
            let n = line.prefix { $0 == " " }.count
            return String(repeating: " ", count: n * 2) + line.dropFirst(n)
        }.joined(separator: "\n")
    }
}
