import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A container configuration the daemon refuses (moby's verifyContainerSettings): a limit out
/// of range, conflicting CPU options, an unknown namespace mode. `reason` is moby's text; the
/// CLI words it for the command that asked ("docker: Error response from daemon: REASON.").
public struct ConfigValidationError: Error, Equatable, CustomStringConvertible, Sendable {
    public var reason: String
    /// A name that is not a network's is "not found" rather than invalid (exit code and kind).
    public var isNotFound: Bool

    public init(_ reason: String, notFound: Bool = false) {
        self.reason = reason
        self.isNotFound = notFound
    }

    public var description: String { reason }
}
