import Foundation

/// CPU samples of a `measure=cpu:NAME` or `measure=cgroup:PATH` block.
public struct CPUMeasurement: Codable, Sendable, Equatable {
    public var container: String         // NAME of measure=cpu:NAME; "" for a cgroup
    public var cgroup: String?           // PATH of measure=cgroup:PATH, captures expanded
    public var window: Double            // seconds
    public var expectLow: Double?        // expect-cores A..B
    public var expectHigh: Double?
    public var samples: [CPUSample]      // 10 Hz, the first 0.5 s left out
    public var meanCores: Double

    public init(container: String, cgroup: String? = nil, window: Double, expectLow: Double?, expectHigh: Double?,
                samples: [CPUSample], meanCores: Double) {
        self.container = container; self.cgroup = cgroup; self.window = window; self.expectLow = expectLow
        self.expectHigh = expectHigh; self.samples = samples; self.meanCores = meanCores
    }

    /// "container NAME" or "cgroup PATH", as reports name what was measured.
    public var subject: String { cgroup.map { "cgroup \($0)" } ?? "container \(container)" }
}
