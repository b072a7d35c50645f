import ContainerRuntime
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The daemon's warnings about a container's settings, as docker/cli prints them: on stderr,
/// before the command's own output goes on.
enum DockerWarning {
    @Sendable static func print(_ warning: String) {
        fflush(stdout)
        StandardStream.error("WARNING: \(warning)\n")
    }
}
