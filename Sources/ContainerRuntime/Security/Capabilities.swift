import CLibcap
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The capability sets a container starts with, resolved from Docker's default set and
/// --cap-add/--cap-drop/--privileged. Built before clone; the C child only applies them.
/// Names and numbers come from libcap (cap_from_name, cap_to_name, cap_max_bits), never from a table here.
public struct Capabilities: Codable, Sendable, Equatable {
    /// Canonical names, "CAP_CHOWN", in capability-number order.
    public var names: [String]
    public init(names: [String]) { self.names = names }

    /// Docker's default set (moby's oci/caps/defaults.go), which `docker run` starts from.
    public static let dockerDefaultNames = [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID",
        "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE",
    ]

    /// Docker's default set plus `add`, minus `drop` (names with or without CAP_, any case, or ALL).
    /// An unknown name is an error that names it.
    /// Docker's order: `--privileged` is every capability (add and drop are not looked at); `--cap-add ALL` is every
    /// capability except those dropped; `--cap-drop ALL` starts from nothing and adds `add`; otherwise
    /// the defaults minus `drop` plus `add`.
    public static func resolve(add: [String], drop: [String], privileged: Bool) throws -> Capabilities {
        if privileged { return all() }
        let adds = try add.map(CapabilityName.init)
        let drops = try drop.map(CapabilityName.init)
        let defaults = try dockerDefaultNames.map(CapabilityName.init)
        var values: Set<cap_value_t>
        if adds.contains(.all) {
            values = Set(0..<cap_max_bits()).subtracting(drops.compactMap(\.value))
        } else if drops.contains(.all) {
            values = Set(adds.compactMap(\.value))
        } else {
            values = Set(defaults.compactMap(\.value)).subtracting(drops.compactMap(\.value))
            values.formUnion(adds.compactMap(\.value))
        }
        return Capabilities(values: values.sorted())
    }

    /// Every capability the running kernel knows (libcap's cap_max_bits), as `--privileged` gets.
    public static func all() -> Capabilities {
        Capabilities(values: Array(0..<cap_max_bits()))
    }

    /// From capability numbers; named by libcap.
    public init(values: [cap_value_t]) {
        names = values.sorted().map(CapabilityName.canonicalName(of:))
    }

    /// The capability numbers, in order, for the C side (bounding set: drop every number not listed).
    public var values: [cap_value_t] {
        get throws {
            // A name libcap could not give (a capability newer than libcap) is kept as its number.
            try names.compactMap { name in try cap_value_t(name) ?? CapabilityName(name).value }
        }
    }

    /// libcap's text form for the permitted and effective sets, e.g. "cap_chown,cap_kill=ep"; "=" for none.
    /// Feed to cap_from_text. (Docker gives no inheritable capabilities since 20.10, nor ambient ones.)
    public var libcapText: String {
        names.isEmpty ? "=" : names.map { $0.lowercased() }.joined(separator: ",") + "=ep"
    }

    /// The lowercase libcap names of the bounding set, which is the same set.
    public var boundingNames: [String] { names.map { $0.lowercased() } }
}
