import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Go's text/template as docker/cli uses it for `--format`: fields (`{{.A.B}}`), variables
/// (`{{$x := .A}}`, `{{range $k, $v := .M}}`), pipelines (`{{.A | json}}`), parentheses
/// (`{{(index .L 0).X}}`), `if`/`else if`/`else`, `range` (with `else`), `with`, comments,
/// `{{-`/`-}}` trimming, Go's functions (`eq ne lt le gt ge and or not len index print printf
/// println`) and docker/cli's (`json join split title lower upper pad truncate`). Data is
/// JSON-shaped; `JSONObject` reads as a Go struct, a closure value as a method (`.Label "k"`).
public struct GoTemplate {
    /// A method of the data (`{{.Label "com.example"}}`).
    public typealias Method = ([Any]) throws -> Any

    /// What a key that a map lacks gives: Go's `<no value>` (inspect's raw JSON view) or an
    /// error (the typed contexts of ps, images, stats).
    public enum MissingKey { case noValue, error }

    public struct ParseError: Error, CustomStringConvertible {
        public let description: String
        init(_ d: String) { description = "template: " + d }
    }

    /// Go prints `<no value>` for a map's missing key.
    struct NoValue {}

    struct Pipeline {
        var declare: [String] = []
        var commands: [[Operand]] = []
    }

    indirect enum Operand {
        case field([String])                  // "." then fields; [] is dot itself
        case variable(String, [String])
        case literal(Any)
        case identifier(String)
        case paren(Pipeline, [String])
    }

    indirect enum Node {
        case text(String)
        case action(Pipeline)
        case ifBlock([(Pipeline, [Node])], [Node])
        case range(Pipeline, [Node], [Node])
        case with(Pipeline, [Node], [Node])
    }

    let nodes: [Node]
    let missingKey: MissingKey

    public init(_ source: String, missingKey: MissingKey = .error) throws {
        self.missingKey = missingKey
        let expanded = source.replacing("\\t", with: "\t").replacing("\\n", with: "\n")
        var parser = TemplateParser(tokens: try TemplateParser.split(expanded))
        nodes = try parser.parseList(until: [])
    }

    public func render(_ data: Any) throws -> String {
        var out = ""
        var scope = Scope(vars: ["$": data])
        try eval(nodes, dot: data, scope: &scope, into: &out)
        return out
    }

    struct Scope { var vars: [String: Any] }

    // MARK: evaluation

    func eval(_ nodes: [Node], dot: Any, scope: inout Scope, into out: inout String) throws {
        for n in nodes {
            switch n {
            case .text(let s): out += s
            case .action(let p):
                let v = try run(p, dot: dot, scope: &scope)
                if p.declare.isEmpty { out += Self.show(v) }
            case .ifBlock(let branches, let otherwise):
                var done = false
                for (cond, body) in branches where !done {
                    var inner = scope
                    if Self.truthy(try run(cond, dot: dot, scope: &inner)) {
                        try eval(body, dot: dot, scope: &inner, into: &out)
                        done = true
                    }
                }
                if !done { var inner = scope; try eval(otherwise, dot: dot, scope: &inner, into: &out) }
            case .with(let p, let body, let otherwise):
                var inner = scope
                let v = try run(Pipeline(declare: [], commands: p.commands), dot: dot, scope: &inner)
                if let name = p.declare.first { inner.vars[name] = v }
                if Self.truthy(v) { try eval(body, dot: v, scope: &inner, into: &out) } else { try eval(otherwise, dot: dot, scope: &inner, into: &out) }
            case .range(let p, let body, let otherwise):
                var inner = scope
                let v = try run(Pipeline(declare: [], commands: p.commands), dot: dot, scope: &inner)
                var items: [(Any, Any)] = []
                switch v {
                case let a as [Any]: items = a.enumerated().map { ($0.offset, $0.element) }
                case let a as [String]: items = a.enumerated().map { ($0.offset, $0.element) }
                case let m as [String: Any]: items = m.keys.sorted().map { ($0, m[$0] as Any) }
                case let m as [String: String]: items = m.keys.sorted().map { ($0, m[$0] as Any) }
                case let o as JSONObject: items = o.entries.map { ($0.key, $0.value) }
                case let n as Int: items = (0..<max(0, n)).map { ($0, $0) }
                case is JSONNull, is NoValue: items = []
                default: throw ParseError("range can't iterate over \(Self.show(v))")
                }
                if items.isEmpty { try eval(otherwise, dot: dot, scope: &inner, into: &out); continue }
                for (k, e) in items {
                    if p.declare.count == 2 { inner.vars[p.declare[0]] = k; inner.vars[p.declare[1]] = e }
                    else if p.declare.count == 1 { inner.vars[p.declare[0]] = e }
                    try eval(body, dot: e, scope: &inner, into: &out)
                }
            }
        }
    }

    func run(_ p: Pipeline, dot: Any, scope: inout Scope) throws -> Any {
        var value: Any? = nil
        for cmd in p.commands { value = try command(cmd, dot: dot, scope: &scope, piped: value) }
        let result = value ?? JSONNull()
        for name in p.declare { scope.vars[name] = result }
        return result
    }

    func command(_ cmd: [Operand], dot: Any, scope: inout Scope, piped: Any?) throws -> Any {
        guard let head = cmd.first else { throw ParseError("missing value for command") }
        var args = try cmd.dropFirst().map { try operand($0, dot: dot, scope: &scope) }
        if let piped { args.append(piped) }
        if case .identifier(let name) = head { return try Self.function(name, args) }
        let v = try operand(head, dot: dot, scope: &scope)
        if let m = v as? Method { return try m(args) }
        if !args.isEmpty { throw ParseError("can't give argument to non-function \(Self.show(v))") }
        return v
    }

    func operand(_ o: Operand, dot: Any, scope: inout Scope) throws -> Any {
        switch o {
        case .literal(let v): return v
        case .identifier(let name): return try Self.function(name, [])
        case .field(let path): return try fields(path, of: dot)
        case .variable(let name, let path):
            guard let v = scope.vars[name] else { throw ParseError("undefined variable \"\(name)\"") }
            return try fields(path, of: v)
        case .paren(let p, let path):
            var inner = scope
            return try fields(path, of: try run(p, dot: dot, scope: &inner))
        }
    }

    func fields(_ path: [String], of start: Any) throws -> Any {
        var cur = start
        for key in path {
            switch cur {
            case let o as JSONObject:
                if let v = o[key] { cur = v; continue }
                if missingKey == .noValue { cur = NoValue(); continue }
                throw ParseError("can't evaluate field \(key) in type struct")
            case let m as [String: Any]:
                if let v = m[key] { cur = v; continue }
                if missingKey == .noValue { cur = NoValue(); continue }
                throw ParseError("can't evaluate field \(key) in type map[string]interface {}")
            case let m as [String: String]:
                if let v = m[key] { cur = v } else if missingKey == .noValue { cur = NoValue() } else {
                    throw ParseError("can't evaluate field \(key) in type map[string]string")
                }
            case is JSONNull: throw ParseError("nil pointer evaluating interface {}.\(key)")
            case is NoValue: cur = NoValue()
            default: throw ParseError("can't evaluate field \(key) in type \(Self.typeName(cur))")
            }
        }
        return cur
    }

    static func typeName(_ v: Any) -> String {
        switch v {
        case is String: return "string"
        case is Bool: return "bool"
        case is Int, is Int64: return "int"
        case is [Any], is [String]: return "[]interface {}"
        default: return "interface {}"
        }
    }

    static func truthy(_ v: Any) -> Bool {
        switch v {
        case is JSONNull, is NoValue: return false
        case let b as Bool: return b
        case let s as String: return !s.isEmpty
        case let a as [Any]: return !a.isEmpty
        case let a as [String]: return !a.isEmpty
        case let m as [String: Any]: return !m.isEmpty
        case let m as [String: String]: return !m.isEmpty
        case let n as Int: return n != 0
        case let n as Int64: return n != 0
        case let n as UInt64: return n != 0
        case let d as Double: return d != 0
        default: return true
        }
    }

    /// Go's default formatting of a value (fmt's %v).
    static func show(_ v: Any) -> String {
        switch v {
        case is JSONNull: return "<nil>"
        case is NoValue: return "<no value>"
        case let s as String: return s
        case let b as Bool: return b ? "true" : "false"
        case let n as Int: return String(n)
        case let n as Int64: return String(n)
        case let n as UInt64: return String(n)
        case let n as Int32: return String(n)
        case let n as UInt32: return String(n)
        case let d as Double: return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case let a as [Any]: return "[" + a.map(show).joined(separator: " ") + "]"
        case let a as [String]: return "[" + a.joined(separator: " ") + "]"
        case let m as [String: Any]: return "map[" + m.keys.sorted().map { "\($0):\(show(m[$0] as Any))" }.joined(separator: " ") + "]"
        case let m as [String: String]: return "map[" + m.keys.sorted().map { "\($0):\(m[$0] ?? "")" }.joined(separator: " ") + "]"
        case let o as JSONObject: return "{" + o.entries.map { show($0.value) }.joined(separator: " ") + "}"
        case is Method: return ""
        default: return "\(v)"
        }
    }
}
