/// Why the driver could not do something, in words for the learner.
public struct WalkDriverError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
