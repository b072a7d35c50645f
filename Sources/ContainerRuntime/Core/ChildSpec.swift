import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The spec handed to the C side: "key\0value\0" pairs, repeated keys for lists.
/// Keys are those `isolab_spec_parse` (CRuntime/spec.c) knows; an unknown key is an error there.
public struct ChildSpec: Sendable {
    private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func add(_ key: String, _ value: String) {
        bytes.append(contentsOf: Array(key.utf8)); bytes.append(0)
        bytes.append(contentsOf: Array(value.utf8)); bytes.append(0)
    }
    public mutating func add(_ key: String, _ values: [String]) { for v in values { add(key, v) } }
    public mutating func add(_ key: String, _ flag: Bool) { if flag { add(key, "1") } }

    public var data: Data { Data(bytes) }

    /// Values may not contain NUL: the C side could not tell them apart.
    public static func validate(_ values: [String], what: String) throws {
        if let bad = values.first(where: { $0.utf8.contains(0) }) {
            throw RuntimeError(.invalidArgument, "\(what) contains a NUL byte: \(bad.debugDescription)")
        }
    }
}
