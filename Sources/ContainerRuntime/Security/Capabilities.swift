import Foundation

/// The capability sets a container starts with, resolved from Docker's default set and
/// --cap-add/--cap-drop/--privileged. Built before clone; the C child only applies them.
public struct Capabilities: Codable, Sendable, Equatable {
    /// Canonical names, "CAP_CHOWN", in capability-number order.
    public var names: [String]
    public init(names: [String]) { self.names = names }

    /// Docker's default set plus `add`, minus `drop` (names with or without CAP_, any case, or ALL).
    /// An unknown name is an error that names it.
    public static func resolve(add: [String], drop: [String], privileged: Bool) throws -> Capabilities {
        throw RuntimeError(.failed, "capabilities: not implemented yet")
    }

    /// libcap's text form for the bounding/permitted/effective sets, e.g. "cap_chown,cap_kill=ep".
    public var libcapText: String { "" }
}
