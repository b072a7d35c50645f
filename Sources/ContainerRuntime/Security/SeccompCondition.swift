/// A profile entry's `includes` or `excludes` (moby's `Filter`): capabilities of the container's
/// bounding set ("CAP_SYS_ADMIN"), native architectures in Go's names ("amd64"), and a kernel
/// version ("4.8"). `includes` uses the entry only when all hold; `excludes` drops it when any does.
public struct SeccompCondition: Codable, Sendable, Equatable {
    public var caps: [String]?
    public var arches: [String]?
    public var minKernel: String?

    public init(caps: [String]? = nil, arches: [String]? = nil, minKernel: String? = nil) {
        self.caps = caps
        self.arches = arches
        self.minKernel = minKernel
    }
}
