import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension GoTemplate {
    static let functionNames: Set<String> = [
        "eq", "ne", "lt", "le", "gt", "ge", "and", "or", "not", "len", "index", "print", "printf", "println",
        "json", "join", "split", "title", "lower", "upper", "pad", "truncate",
    ]

    static func function(_ name: String, _ args: [Any]) throws -> Any {
        func need(_ n: Int) throws {
            guard args.count == n else { throw ParseError("wrong number of args for \(name): want \(n) got \(args.count)") }
        }
        func int(_ v: Any) throws -> Int {
            if let i = v as? Int { return i }
            if let i = v as? Int64 { return Int(i) }
            if let d = v as? Double, d == d.rounded(), abs(d) < 1e15 { return Int(d) }
            throw ParseError("\(name): expected an integer; found \(show(v))")
        }
        switch name {
        case "eq":
            guard args.count >= 2 else { throw ParseError("missing argument for comparison") }
            return args.dropFirst().contains { equal(args[0], $0) }
        case "ne": try need(2); return !equal(args[0], args[1])
        case "lt", "le", "gt", "ge":
            try need(2)
            let c = try compare(args[0], args[1])
            switch name { case "lt": return c < 0; case "le": return c <= 0; case "gt": return c > 0; default: return c >= 0 }
        case "and":
            guard let first = args.first else { throw ParseError("wrong number of args for and") }
            return args.first { !truthy($0) } ?? args.last ?? first
        case "or":
            guard let first = args.first else { throw ParseError("wrong number of args for or") }
            return args.first { truthy($0) } ?? args.last ?? first
        case "not": try need(1); return !truthy(args[0])
        case "len":
            try need(1)
            switch args[0] {
            case let a as [Any]: return a.count
            case let a as [String]: return a.count
            case let m as [String: Any]: return m.count
            case let m as [String: String]: return m.count
            case let s as String: return s.utf8.count
            default: throw ParseError("len of \(show(args[0]))")
            }
        case "index":
            guard var cur = args.first else { throw ParseError("wrong number of args for index") }
            for key in args.dropFirst() {
                switch cur {
                case let m as [String: Any]: cur = m[show(key)] ?? NoValue()
                case let m as [String: String]: cur = m[show(key)] ?? ""
                case let o as JSONObject: cur = o[show(key)] ?? NoValue()
                case let a as [Any]:
                    let i = try int(key)
                    guard a.indices.contains(i) else { throw ParseError("index out of range: \(i)") }
                    cur = a[i]
                case let a as [String]:
                    let i = try int(key)
                    guard a.indices.contains(i) else { throw ParseError("index out of range: \(i)") }
                    cur = a[i]
                case is JSONNull, is NoValue: throw ParseError("index of untyped nil")
                default: throw ParseError("can't index item of type \(typeName(cur))")
                }
            }
            return cur
        case "print": return args.map(show).joined()
        case "println": return args.map(show).joined(separator: " ") + "\n"
        case "printf":
            guard let f = args.first as? String else { throw ParseError("printf: the format must be a string") }
            return GoPrintf.format(f, Array(args.dropFirst()))
        case "json": try need(1); return JSONText.compact(args[0] is NoValue ? JSONNull() : args[0])
        case "join":
            try need(2)
            let list: [String] = (args[0] as? [String]) ?? ((args[0] as? [Any]) ?? []).map(show)
            return list.joined(separator: show(args[1]))
        case "split":
            try need(2)
            return show(args[0]).components(separatedBy: show(args[1])) as [Any]
        case "title":
            try need(1)
            var out = "", atStart = true
            for ch in show(args[0]) {
                out += atStart ? ch.uppercased() : String(ch)
                atStart = !(ch.isLetter || ch.isNumber || ch == "_" || ch == "'")
            }
            return out
        case "lower": try need(1); return show(args[0]).lowercased()
        case "upper": try need(1); return show(args[0]).uppercased()
        case "pad":
            try need(3)
            let pre = max(0, try int(args[1])), post = max(0, try int(args[2]))
            // A template is input: a padding of 10^15 spaces would exhaust memory, not print.
            guard pre <= GoPrintf.maxWidth, post <= GoPrintf.maxWidth else {
                throw ParseError("pad: padding \(max(pre, post)) is larger than \(GoPrintf.maxWidth)")
            }
            return String(repeating: " ", count: pre) + show(args[0]) + String(repeating: " ", count: post)
        case "truncate":
            try need(2)
            let s = show(args[0]), n = max(0, try int(args[1]))
            return s.count <= n ? s : String(s.prefix(n))
        default: throw ParseError("function \"\(name)\" not defined")
        }
    }

    static func number(_ v: Any) -> Double? {
        switch v {
        case let i as Int: return Double(i)
        case let i as Int64: return Double(i)
        case let i as UInt64: return Double(i)
        case let i as Int32: return Double(i)
        case let d as Double: return d
        default: return nil
        }
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if let x = number(a), let y = number(b) { return x == y }
        if let x = a as? Bool, let y = b as? Bool { return x == y }
        if let x = a as? String, let y = b as? String { return x == y }
        if a is JSONNull || b is JSONNull { return a is JSONNull && b is JSONNull }
        return false
    }

    static func compare(_ a: Any, _ b: Any) throws -> Int {
        if let x = number(a), let y = number(b) { return x < y ? -1 : (x > y ? 1 : 0) }
        if let x = a as? String, let y = b as? String { return x < y ? -1 : (x > y ? 1 : 0) }
        throw ParseError("incompatible types for comparison")
    }
}
