/// `measure=cpu:NAME window=D expect-cores=A..B`: sample container NAME's CPU while the block runs.
public struct MeasureSpec: Sendable, Equatable {
    /// The container whose cgroup is sampled.
    public var container: String
    /// Seconds the block runs before it is stopped (default 3).
    public var window: Double
    /// The mean number of cores must lie in this closed range, when given.
    public var expectedCores: ClosedRange<Double>?

    public init(container: String, window: Double = 3, expectedCores: ClosedRange<Double>? = nil) {
        self.container = container; self.window = window; self.expectedCores = expectedCores
    }
}
