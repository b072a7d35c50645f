import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `--restart no|always|unless-stopped|on-failure[:N]`, as Docker reads it. The container's
/// monitor applies it when the init ends (its exit command starts the container again),
/// unless the user stopped, killed or removed it.
public struct RestartPolicy: Codable, Sendable, Equatable {
    public var name: String              // "no", "always", "unless-stopped", "on-failure"
    public var maximumRetryCount: Int

    public struct Invalid: Error, CustomStringConvertible { public let description: String }

    public static func parse(_ text: String) throws -> RestartPolicy {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let name = parts[0]
        var count = 0
        if parts.count == 2 {
            guard let n = Int(parts[1]), n >= 0, n <= 1_000_000 else {
                throw Invalid(description: "invalid restart policy format: maximum retry count must be an integer")
            }
            count = n
        }
        switch name {
        case "", "no":
            guard parts.count == 1 else { throw Invalid(description: "invalid restart policy format: maximum retry count can only be used with 'on-failure'") }
            return RestartPolicy(name: "no", maximumRetryCount: 0)
        case "always", "unless-stopped":
            guard parts.count == 1 else { throw Invalid(description: "invalid restart policy format: maximum retry count can only be used with 'on-failure'") }
            return RestartPolicy(name: name, maximumRetryCount: 0)
        case "on-failure": return RestartPolicy(name: name, maximumRetryCount: count)
        default: throw Invalid(description: "invalid restart policy '\(name)'")
        }
    }

    /// Whether an init that exited with `code`, after `restarts` restarts, is started again.
    public func restarts(exitCode code: Int32, restarts: Int) -> Bool {
        switch name {
        case "always", "unless-stopped": return true
        case "on-failure": return code != 0 && (maximumRetryCount == 0 || restarts < maximumRetryCount)
        default: return false
        }
    }
}
