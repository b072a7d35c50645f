/// One `archMap` entry of a Docker profile: a native architecture and the others a process
/// on it may switch to (x86_64: x86 and x32), all SCMP_ARCH_* names.
public struct SeccompArchMap: Codable, Sendable, Equatable {
    public var architecture: String
    public var subArchitectures: [String]?

    public init(architecture: String, subArchitectures: [String]? = nil) {
        self.architecture = architecture
        self.subArchitectures = subArchitectures
    }
}
