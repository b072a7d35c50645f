import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Docker's container states, as far as isolab has them.
public enum ContainerStatus: String, Codable, Sendable {
    case created, running, exited, dead
}
