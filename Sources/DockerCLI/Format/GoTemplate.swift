import Foundation

/// The subset of Go's text/template that `--format` users write: `{{.A.B}}`, `{{json .X}}`,
/// `{{index .M "k"}}`, `{{join .L ","}}`, `{{upper .X}}`, `{{lower .X}}`, `{{len .X}}`,
/// `{{range .X}}…{{end}}`, `{{if .X}}…{{else}}…{{end}}`, `{{with .X}}…{{end}}`, `\t` and `\n`.
/// Data is JSON-shaped (`[String: Any]`, arrays, strings, numbers, booleans, NSNull).
public struct GoTemplate {
    indirect enum Node {
        case text(String)
        case action([String])
        case range([String], [Node])
        case ifBlock([String], [Node], [Node])
        case with([String], [Node])
    }

    public struct ParseError: Error, CustomStringConvertible {
        public let description: String
    }

    let nodes: [Node]

    public init(_ source: String) throws {
        let expanded = source.replacingOccurrences(of: "\\t", with: "\t").replacingOccurrences(of: "\\n", with: "\n")
        var tokens = try Self.tokenize(expanded)[...]
        nodes = try Self.parse(&tokens, until: [])
        if let t = tokens.first { throw ParseError(description: "template: unexpected {{\(t)}}") }
    }

    public func render(_ data: Any) throws -> String {
        var out = ""
        try Self.eval(nodes, dot: data, into: &out)
        return out
    }

    // MARK: parsing

    enum Token: CustomStringConvertible {
        case text(String), action([String])
        var description: String { if case .action(let w) = self { return w.joined(separator: " ") }; return "" }
    }

    static func tokenize(_ s: String) throws -> [Token] {
        var out: [Token] = []
        var rest = Substring(s)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { out.append(.text(String(rest[..<open.lowerBound]))) }
            guard let close = rest.range(of: "}}", range: open.upperBound..<rest.endIndex) else {
                throw ParseError(description: "template: unclosed action")
            }
            var inner = String(rest[open.upperBound..<close.lowerBound])
            if inner.hasPrefix("-") { inner.removeFirst() }
            if inner.hasSuffix("-") { inner.removeLast() }
            out.append(.action(try words(inner)))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { out.append(.text(String(rest))) }
        return out
    }

    /// Splits an action into words, keeping "quoted strings" whole (with their quotes).
    static func words(_ s: String) throws -> [String] {
        var out: [String] = [], cur = "", inQuote = false
        for ch in s {
            if inQuote { cur.append(ch); if ch == "\"" { inQuote = false }; continue }
            if ch == "\"" { inQuote = true; cur.append(ch); continue }
            if ch == " " || ch == "\t" { if !cur.isEmpty { out.append(cur); cur = "" }; continue }
            cur.append(ch)
        }
        if inQuote { throw ParseError(description: "template: unterminated quoted string") }
        if !cur.isEmpty { out.append(cur) }
        if out.isEmpty { throw ParseError(description: "template: missing value for command") }
        return out
    }

    static func parse(_ tokens: inout ArraySlice<Token>, until stops: Set<String>) throws -> [Node] {
        var nodes: [Node] = []
        while let t = tokens.first {
            switch t {
            case .text(let s): tokens.removeFirst(); nodes.append(.text(s))
            case .action(let w):
                if stops.contains(w[0]) { return nodes }
                tokens.removeFirst()
                switch w[0] {
                case "range", "with":
                    let body = try parse(&tokens, until: ["end"])
                    try expect(&tokens, "end")
                    nodes.append(w[0] == "range" ? .range(Array(w.dropFirst()), body) : .with(Array(w.dropFirst()), body))
                case "if":
                    let then = try parse(&tokens, until: ["else", "end"])
                    var otherwise: [Node] = []
                    if case .action(let e)? = tokens.first, e[0] == "else" {
                        tokens.removeFirst()
                        otherwise = try parse(&tokens, until: ["end"])
                    }
                    try expect(&tokens, "end")
                    nodes.append(.ifBlock(Array(w.dropFirst()), then, otherwise))
                case "end", "else":
                    throw ParseError(description: "template: unexpected {{\(w[0])}}")
                default: nodes.append(.action(w))
                }
            }
        }
        if !stops.isEmpty { throw ParseError(description: "template: unexpected EOF, missing {{end}}") }
        return nodes
    }

    static func expect(_ tokens: inout ArraySlice<Token>, _ word: String) throws {
        guard case .action(let w)? = tokens.first, w[0] == word else {
            throw ParseError(description: "template: missing {{\(word)}}")
        }
        tokens.removeFirst()
    }

    // MARK: evaluation

    static func eval(_ nodes: [Node], dot: Any, into out: inout String) throws {
        for n in nodes {
            switch n {
            case .text(let s): out += s
            case .action(let w): out += show(try call(w, dot: dot))
            case .range(let w, let body):
                let v = try call(w, dot: dot)
                if let arr = v as? [Any] { for e in arr { try eval(body, dot: e, into: &out) } }
                else if let map = v as? [String: Any] {
                    for k in map.keys.sorted() { try eval(body, dot: map[k] as Any, into: &out) }
                }
            case .ifBlock(let w, let then, let otherwise):
                try eval(truthy(try call(w, dot: dot)) ? then : otherwise, dot: dot, into: &out)
            case .with(let w, let body):
                let v = try call(w, dot: dot)
                if truthy(v) { try eval(body, dot: v, into: &out) }
            }
        }
    }

    static func call(_ w: [String], dot: Any) throws -> Any {
        let args = Array(w.dropFirst())
        switch w[0] {
        case "json":
            let v = try value(args.first ?? ".", dot: dot)
            return JSONText.compact(v)
        case "upper": return show(try value(args.first ?? ".", dot: dot)).uppercased()
        case "lower": return show(try value(args.first ?? ".", dot: dot)).lowercased()
        case "len":
            let v = try value(args.first ?? ".", dot: dot)
            if let a = v as? [Any] { return a.count }
            if let m = v as? [String: Any] { return m.count }
            return show(v).count
        case "index":
            guard args.count == 2 else { throw ParseError(description: "template: index needs 2 arguments") }
            let v = try value(args[0], dot: dot)
            let key = try value(args[1], dot: dot)
            if let m = v as? [String: Any] { return m[show(key)] ?? NSNull() }
            if let a = v as? [Any], let i = key as? Int, a.indices.contains(i) { return a[i] }
            return NSNull()
        case "join":
            guard args.count == 2 else { throw ParseError(description: "template: join needs 2 arguments") }
            let v = try value(args[0], dot: dot)
            let sep = show(try value(args[1], dot: dot))
            return ((v as? [Any]) ?? []).map(show).joined(separator: sep)
        case "println": return try args.map { show(try value($0, dot: dot)) }.joined(separator: " ") + "\n"
        default:
            guard args.isEmpty else { throw ParseError(description: "template: function \"\(w[0])\" not defined") }
            return try value(w[0], dot: dot)
        }
    }

    static func value(_ word: String, dot: Any) throws -> Any {
        if word.hasPrefix("\"") && word.hasSuffix("\"") && word.count >= 2 {
            return String(word.dropFirst().dropLast())
        }
        if let i = Int(word) { return i }
        guard word.hasPrefix(".") else { throw ParseError(description: "template: function \"\(word)\" not defined") }
        if word == "." { return dot }
        var cur: Any = dot
        for key in word.dropFirst().split(separator: ".") {
            guard let m = cur as? [String: Any] else {
                throw ParseError(description: "template: can't evaluate field \(key) in type \(typeName(cur))")
            }
            guard let next = m[String(key)] else {
                throw ParseError(description: "template: can't evaluate field \(key) in type \(typeName(cur))")
            }
            cur = next
        }
        return cur
    }

    static func typeName(_ v: Any) -> String {
        if v is [String: Any] { return "map[string]interface {}" }
        if v is [Any] { return "[]interface {}" }
        if v is String { return "string" }
        return "interface {}"
    }

    static func truthy(_ v: Any) -> Bool {
        switch v {
        case is NSNull: return false
        case let b as Bool: return b
        case let s as String: return !s.isEmpty
        case let a as [Any]: return !a.isEmpty
        case let m as [String: Any]: return !m.isEmpty
        case let n as Int: return n != 0
        case let n as Int64: return n != 0
        case let d as Double: return d != 0
        default: return true
        }
    }

    /// Go's default formatting of a value.
    static func show(_ v: Any) -> String {
        switch v {
        case is NSNull: return "<nil>"        // a nil value; a missing field is an error
        case let s as String: return s
        case let b as Bool: return b ? "true" : "false"
        case let n as Int: return String(n)
        case let n as Int64: return String(n)
        case let n as UInt64: return String(n)
        case let n as Int32: return String(n)
        case let d as Double: return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case let a as [Any]: return "[" + a.map(show).joined(separator: " ") + "]"
        case let m as [String: Any]: return "map[" + m.keys.sorted().map { "\($0):\(show(m[$0] as Any))" }.joined(separator: " ") + "]"
        default: return "\(v)"
        }
    }
}
