import CLibcap
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// One `--cap-add`/`--cap-drop` argument, normalised as Docker does: upper-cased, "CAP_" prefixed, or ALL.
public enum CapabilityName: Sendable, Equatable {
    case all
    case capability(cap_value_t)

    /// Looks the name up in libcap. Numbers, which libcap would take, are refused as Docker refuses them.
    public init(_ argument: String) throws {
        var name = argument.uppercased()
        if name == "ALL" { self = .all; return }
        if !name.hasPrefix("CAP_") { name = "CAP_" + name }
        let suffix = name.dropFirst(4)
        var value: cap_value_t = 0
        guard !suffix.isEmpty, suffix.allSatisfy({ $0.isLetter || $0 == "_" || $0.isNumber }),
              suffix.first?.isLetter == true,
              cap_from_name(name.lowercased(), &value) == 0 else {
            throw RuntimeError(.invalidArgument, "unknown capability: \"\(name)\"")
        }
        self = .capability(value)
    }

    public var value: cap_value_t? {
        if case .capability(let value) = self { return value }
        return nil
    }

    /// "CAP_CHOWN" for 0. A capability newer than libcap has no name there; libcap's text form
    /// then uses its number, and so do we.
    public static func canonicalName(of value: cap_value_t) -> String {
        guard let raw = cap_to_name(value) else { return String(value) }
        defer { cap_free(raw) }
        let name = String(cString: raw)
        return name.hasPrefix("cap_") ? name.uppercased() : name
    }
}
