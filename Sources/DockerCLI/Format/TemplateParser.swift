import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Parses a template's text into `GoTemplate` nodes: text and actions (with Go's `{{-`/`-}}`
/// trimming and `{{/* comments */}}`), then each action's words and the block structure.
struct TemplateParser {
    enum Piece { case text(String), action(String) }

    enum Token: Equatable {
        case string(String), number(String), field([String]), variable(String, [String]), identifier(String)
        case open, close([String]), pipe, declare, assign, comma
    }

    var pieces: ArraySlice<Piece>

    init(tokens: [Piece]) { pieces = tokens[...] }

    typealias E = GoTemplate.ParseError

    /// Splits text from actions, applying the trim markers.
    static func split(_ s: String) throws -> [Piece] {
        var out: [Piece] = []
        var rest = Substring(s)
        var trimNext = false
        while let open = rest.firstRange(of: "{{") {
            var text = String(rest[..<open.lowerBound])
            if trimNext { text = String(text.drop { $0.isWhitespace }) }
            var inner = rest[open.upperBound...]
            guard let close = inner.firstRange(of: "}}") else { throw E("unclosed action") }
            var body = inner[..<close.lowerBound]
            if body.hasPrefix("- ") || body == "-" { text = String(text.reversed().drop { $0.isWhitespace }.reversed()); body = body.dropFirst() }
            trimNext = false
            if body.hasSuffix(" -") { trimNext = true; body = body.dropLast() }
            if !text.isEmpty { out.append(.text(text)) }
            let trimmed = body.trimmingSpaces()
            if !(trimmed.hasPrefix("/*") && trimmed.hasSuffix("*/")) { out.append(.action(String(body))) }
            inner = inner[close.upperBound...]
            rest = inner
        }
        var tail = String(rest)
        if trimNext { tail = String(tail.drop { $0.isWhitespace }) }
        if !tail.isEmpty { out.append(.text(tail)) }
        return out
    }

    static func isIdentChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    /// The words of one action.
    static func lex(_ s: String) throws -> [Token] {
        var out: [Token] = []
        var i = s.startIndex
        func fieldChain() -> [String] {
            var path: [String] = []
            while i < s.endIndex, s[i] == "." {
                let start = s.index(after: i)
                var j = start
                while j < s.endIndex, isIdentChar(s[j]) { j = s.index(after: j) }
                if j == start { i = j; break }   // a lone "."
                path.append(String(s[start..<j]))
                i = j
            }
            return path
        }
        while i < s.endIndex {
            let c = s[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i = s.index(after: i); continue }
            switch c {
            case "(": out.append(.open); i = s.index(after: i)
            case ")":
                i = s.index(after: i)
                out.append(.close(fieldChain()))
            case "|": out.append(.pipe); i = s.index(after: i)
            case ",": out.append(.comma); i = s.index(after: i)
            case ":":
                let n = s.index(after: i)
                guard n < s.endIndex, s[n] == "=" else { throw E("unexpected \":\" in command") }
                out.append(.declare); i = s.index(after: n)
            case "=": out.append(.assign); i = s.index(after: i)
            case "\"":
                var v = ""
                var j = s.index(after: i)
                var closed = false
                while j < s.endIndex {
                    let ch = s[j]
                    if ch == "\\" {
                        j = s.index(after: j)
                        guard j < s.endIndex else { break }
                        switch s[j] { case "n": v += "\n"; case "t": v += "\t"; case "\"": v += "\""; case "\\": v += "\\"; default: v.append(s[j]) }
                    } else if ch == "\"" { closed = true; j = s.index(after: j); break } else { v.append(ch) }
                    j = s.index(after: j)
                }
                guard closed else { throw E("unterminated quoted string") }
                out.append(.string(v)); i = j
            case "`":
                let start = s.index(after: i)
                guard let end = s[start...].firstIndex(of: "`") else { throw E("unterminated raw quoted string") }
                out.append(.string(String(s[start..<end]))); i = s.index(after: end)
            case ".":
                let path = fieldChain()
                out.append(.field(path))
            case "$":
                var j = s.index(after: i)
                while j < s.endIndex, isIdentChar(s[j]) { j = s.index(after: j) }
                let name = String(s[i..<j])
                i = j
                out.append(.variable(name, fieldChain()))
            default:
                if c.isNumber || c == "-" || c == "+" {
                    var j = s.index(after: i)
                    while j < s.endIndex, s[j].isNumber || s[j] == "." || s[j] == "e" || s[j] == "x" { j = s.index(after: j) }
                    out.append(.number(String(s[i..<j]))); i = j
                } else if isIdentChar(c) {
                    var j = i
                    while j < s.endIndex, isIdentChar(s[j]) { j = s.index(after: j) }
                    out.append(.identifier(String(s[i..<j]))); i = j
                } else {
                    throw E("unexpected \"\(c)\" in command")
                }
            }
        }
        return out
    }

    /// A pipeline: optional `$a, $b :=`, then commands separated by `|`.
    static func pipeline(_ tokens: inout ArraySlice<Token>, inParens: Bool = false) throws -> GoTemplate.Pipeline {
        var p = GoTemplate.Pipeline()
        // Declarations: "$x :=" or "$k, $v :=".
        var look = tokens
        var names: [String] = []
        while case .variable(let n, let path)? = look.first, path.isEmpty {
            names.append(n); look.removeFirst()
            if look.first == .comma { look.removeFirst(); continue }
            break
        }
        if !names.isEmpty, look.first == .declare || look.first == .assign {
            look.removeFirst()
            p.declare = names
            tokens = look
        }
        var cmd: [GoTemplate.Operand] = []
        while let t = tokens.first {
            if case .close = t { if inParens { break } else { throw E("unexpected right paren") } }
            tokens.removeFirst()
            switch t {
            case .pipe:
                guard !cmd.isEmpty else { throw E("missing value for command") }
                p.commands.append(cmd); cmd = []
            case .open:
                let inner = try pipeline(&tokens, inParens: true)
                guard case .close(let path)? = tokens.first else { throw E("unclosed left paren") }
                tokens.removeFirst()
                cmd.append(.paren(inner, path))
            case .string(let s): cmd.append(.literal(s))
            case .number(let n):
                if let i = Int(n) { cmd.append(.literal(i)) } else if let d = Double(n) { cmd.append(.literal(d)) } else { throw E("bad number syntax: \"\(n)\"") }
            case .field(let path): cmd.append(.field(path))
            case .variable(let n, let path): cmd.append(.variable(n, path))
            case .identifier(let id):
                switch id {
                case "true": cmd.append(.literal(true))
                case "false": cmd.append(.literal(false))
                case "nil": cmd.append(.literal(JSONNull()))
                default:
                    guard GoTemplate.functionNames.contains(id) else { throw E("function \"\(id)\" not defined") }
                    cmd.append(.identifier(id))
                }
            case .comma, .declare, .assign, .close: throw E("unexpected token in command")
            }
        }
        if !cmd.isEmpty { p.commands.append(cmd) }
        if p.commands.isEmpty { throw E("missing value for command") }
        return p
    }

    // MARK: blocks

    mutating func parseList(until stops: Set<String>) throws -> [GoTemplate.Node] {
        var nodes: [GoTemplate.Node] = []
        while let piece = pieces.first {
            switch piece {
            case .text(let s): pieces.removeFirst(); nodes.append(.text(s))
            case .action(let body):
                var tokens = try Self.lex(body)[...]
                let keyword: String? = { if case .identifier(let k)? = tokens.first { return k }; return nil }()
                if let k = keyword, stops.contains(k) { return nodes }
                pieces.removeFirst()
                switch keyword {
                case "if":
                    tokens.removeFirst()
                    var branches = [(try Self.pipeline(&tokens), try parseList(until: ["else", "end"]))]
                    var otherwise: [GoTemplate.Node] = []
                    while case .action(let b)? = pieces.first {
                        var t = try Self.lex(b)[...]
                        guard t.first == .identifier("else") else { break }
                        pieces.removeFirst(); t.removeFirst()
                        if t.first == .identifier("if") {
                            t.removeFirst()
                            branches.append((try Self.pipeline(&t), try parseList(until: ["else", "end"])))
                        } else {
                            otherwise = try parseList(until: ["end"])
                            break
                        }
                    }
                    try expectEnd()
                    nodes.append(.ifBlock(branches, otherwise))
                case "range", "with":
                    tokens.removeFirst()
                    let p = try Self.pipeline(&tokens)
                    let body = try parseList(until: ["else", "end"])
                    var otherwise: [GoTemplate.Node] = []
                    if case .action(let b)? = pieces.first, try Self.lex(b).first == .identifier("else") {
                        pieces.removeFirst()
                        otherwise = try parseList(until: ["end"])
                    }
                    try expectEnd()
                    nodes.append(keyword == "range" ? .range(p, body, otherwise) : .with(p, body, otherwise))
                case "end", "else":
                    throw E("unexpected {{\(keyword ?? "")}}")
                default:
                    nodes.append(.action(try Self.pipeline(&tokens)))
                }
            }
        }
        if !stops.isEmpty { throw E("unexpected EOF, missing {{end}}") }
        return nodes
    }

    mutating func expectEnd() throws {
        guard case .action(let b)? = pieces.first, try Self.lex(b).first == .identifier("end") else {
            throw E("missing {{end}}")
        }
        pieces.removeFirst()
    }
}
