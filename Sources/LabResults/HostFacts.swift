import Foundation

public struct HostFacts: Codable, Sendable, Equatable {
    public var hostname: String
    public var kernel: String            // uname -r
    public var cgroupVersion: String     // "v1 (hybrid)", "v2"
    public var architecture: String
    /// Where the `busybox` image came from; says when it is Debian's busybox-static as a fallback.
    public var busyboxImage: String?
    public init(hostname: String, kernel: String, cgroupVersion: String, architecture: String, busyboxImage: String? = nil) {
        self.hostname = hostname; self.kernel = kernel
        self.cgroupVersion = cgroupVersion; self.architecture = architecture; self.busyboxImage = busyboxImage
    }
}
