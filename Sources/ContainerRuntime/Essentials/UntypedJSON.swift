import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// JSON to and from untyped values (`[String: Any]`, `[Any]`, String, Int, Double, Bool,
/// JSONNull), as JSONSerialization made them, through JSONDecoder and JSONEncoder
/// (FoundationEssentials has no JSONSerialization; see CFormat). JSONDecoder limits the
/// nesting depth of its input.
public enum UntypedJSON {
    /// The value of a JSON document; throws on invalid JSON.
    public static func parse(_ data: Data) throws -> Any {
        try JSONDecoder().decode(Value.self, from: data).untyped
    }

    /// Compact JSON with sorted keys and `/` unescaped; throws on a value JSON cannot hold.
    public static func encode(_ value: Any) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(try Value(value))
    }

    /// What went wrong with a document, in the parser's words ("Unexpected end of file ..."),
    /// when the error says more than "not valid JSON".
    public static func detail(of error: Error) -> String? {
        if let cocoa = error as? CocoaError, let text = cocoa.userInfo["NSDebugDescription"] as? String { return text }
        if case DecodingError.dataCorrupted(let c) = error {
            return c.underlyingError.flatMap { detail(of: $0) } ?? c.debugDescription
        }
        return nil
    }

    /// A parsed number as NSNumber printed it ("-1", "18446744073709551615", "2" for 2.0,
    /// "1.5"); nil for anything else.
    public static func numberText(_ value: Any) -> String? {
        switch value {
        case let i as Int: return String(i)
        case let u as UInt64: return String(u)
        case let d as Double:
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
            return "\(d)"
        default: return nil
        }
    }

    private enum Value: Codable {
        case null, bool(Bool), int(Int), uint(UInt64), double(Double), string(String), array([Value]), object([String: Value])

        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let i = try? c.decode(Int.self) { self = .int(i) }
            else if let u = try? c.decode(UInt64.self) { self = .uint(u) }
            else if let d = try? c.decode(Double.self) { self = .double(d) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else if let a = try? c.decode([Value].self) { self = .array(a) }
            else { self = .object(try c.decode([String: Value].self)) }
        }

        init(_ any: Any) throws {
            switch any {
            case is JSONNull: self = .null
            case let b as Bool: self = .bool(b)
            case let i as Int: self = .int(i)
            case let i as Int64: self = .int(Int(i))
            case let i as Int32: self = .int(Int(i))
            case let u as UInt64: self = u <= UInt64(Int.max) ? .int(Int(u)) : .uint(u)
            case let d as Double: self = .double(d)
            case let s as String: self = .string(s)
            case let o as [String: Any]: self = .object(try o.mapValues { try Value($0) })
            case let a as [Any]: self = .array(try a.map { try Value($0) })
            case let o as JSONObject: self = .object(Dictionary(try o.entries.map { ($0.key, try Value($0.value)) }, uniquingKeysWith: { _, last in last }))
            default:
                throw RuntimeError(.failed, "JSON cannot hold a value of type \(type(of: any))")
            }
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .null: try c.encodeNil()
            case .bool(let b): try c.encode(b)
            case .int(let i): try c.encode(i)
            case .uint(let u): try c.encode(u)
            case .double(let d): try c.encode(d)
            case .string(let s): try c.encode(s)
            case .array(let a): try c.encode(a)
            case .object(let o): try c.encode(o)
            }
        }

        var untyped: Any {
            switch self {
            case .null: return JSONNull()
            case .bool(let b): return b
            case .int(let i): return i
            case .uint(let u): return u
            case .double(let d): return d
            case .string(let s): return s
            case .array(let a): return a.map(\.untyped)
            case .object(let o): return o.mapValues(\.untyped)
            }
        }
    }
}
