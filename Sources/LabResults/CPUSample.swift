import Foundation

public struct CPUSample: Codable, Sendable, Equatable {
    public var t: Double                 // seconds since the block started
    public var cores: Double             // CPU time used over the sample interval / interval
    public init(t: Double, cores: Double) { self.t = t; self.cores = cores }
}
