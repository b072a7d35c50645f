import Foundation
import LabEngine

/// What every lab command needs from the process: the container host, isolab's own path.
enum LabEnvironment {
    struct NoHost: Error, CustomStringConvertible {
        var description: String { "isolab: internal error: no container runtime is configured for the lab engine" }
    }

    static func host() throws -> ContainerHost {
        guard let host = labContainerHost else { throw NoHost() }
        return host
    }

    /// isolab's own executable (`/proc/self/exe` resolved): the `docker` of lab steps.
    static func selfExecutable() -> String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
    }
}
