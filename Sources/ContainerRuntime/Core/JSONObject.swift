import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A JSON object whose keys keep the order they were added in: Docker prints its structs'
/// fields in declaration order (`Id` first), and maps sorted. Templates read it as a Go
/// struct: a field that is only in the typed view (`State.Health`, `Config.ExposedPorts`) is
/// `hiddenInJSON`, as Go's `omitempty` leaves it out of the JSON while `{{.X}}` still sees it.
public struct JSONObject: @unchecked Sendable {
    public struct Entry {
        public var key: String
        public var value: Any
        public var hiddenInJSON: Bool
    }
    public private(set) var entries: [Entry] = []

    public init() {}

    public init(_ pairs: KeyValuePairs<String, Any>) {
        for (k, v) in pairs { set(k, v) }
    }

    public subscript(key: String) -> Any? {
        entries.first { $0.key == key }?.value
    }

    /// Sets `key` (replacing its value where it is, or appending it).
    public mutating func set(_ key: String, _ value: Any, hiddenInJSON: Bool = false) {
        if let i = entries.firstIndex(where: { $0.key == key }) {
            entries[i].value = value
            entries[i].hiddenInJSON = hiddenInJSON
        } else {
            entries.append(Entry(key: key, value: value, hiddenInJSON: hiddenInJSON))
        }
    }
}
