import Foundation

/// The daemon's warnings about a container's settings, as docker/cli prints them: on stderr,
/// before the command's own output goes on.
enum DockerWarning {
    @Sendable static func print(_ warning: String) {
        fflush(stdout)
        try? FileHandle.standardError.write(contentsOf: Data("WARNING: \(warning)\n".utf8))
    }
}
