import Foundation

/// What the monitor writes when the container's init ends.
public struct ContainerExit: Codable, Sendable {
    public var exitCode: Int32
    public var signal: Int32
    public var finishedAt: Double        // seconds since 1970
}
