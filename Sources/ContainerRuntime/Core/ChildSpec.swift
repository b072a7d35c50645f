import CRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The spec handed to the C side: "key\0value\0" pairs, repeated keys for lists.
/// Keys are CRuntime's `isolab_spec_key` values (the list in isolab_runtime.h, which spec.c
/// parses): Swift never spells a key's text.
public struct ChildSpec: Sendable {
    public typealias Key = isolab_spec_key
    private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func add(_ key: Key, _ value: String) {
        // Every Key value comes from the C list, which names each one.
        guard let name = isolab_spec_key_name(key) else { preconditionFailure("spec key \(key.rawValue) is not in ISOLAB_SPEC_KEYS") }
        bytes.append(contentsOf: Array(String(cString: name).utf8)); bytes.append(0)
        bytes.append(contentsOf: Array(value.utf8)); bytes.append(0)
    }
    public mutating func add(_ key: Key, _ values: [String]) { for v in values { add(key, v) } }
    public mutating func add(_ key: Key, _ flag: Bool) { if flag { add(key, "1") } }

    public var data: Data { Data(bytes) }

    /// Values may not contain NUL: the C side could not tell them apart.
    public static func validate(_ values: [String], what: String) throws {
        if let bad = values.first(where: { $0.utf8.contains(0) }) {
            throw RuntimeError(.invalidArgument, "\(what) contains a NUL byte: \(bad.debugDescription)")
        }
    }
}
