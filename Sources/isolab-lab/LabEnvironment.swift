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

    /// isolab's executable, the `docker` of lab steps: `isolab`, which execs this program
    /// (`isolab-lab`) for `isolab lab` and names itself in `ISOLAB_SELF`; else `/proc/self/exe`.
    static func selfExecutable() -> String? {
        if let named = ProcessInfo.processInfo.environment["ISOLAB_SELF"], named.hasPrefix("/") { return named }
        return try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    }
}
