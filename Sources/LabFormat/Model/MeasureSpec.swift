/// `measure=cpu:NAME` or `measure=cgroup:PATH`, `window=D expect-cores=A..B`: sample CPU use while
/// the block runs.
public struct MeasureSpec: Sendable, Equatable {
    public var target: MeasureTarget
    /// Seconds the block runs before it is stopped (default 3).
    public var window: Double
    /// The mean number of cores must lie in this closed range, when given.
    public var expectedCores: ClosedRange<Double>?

    public init(target: MeasureTarget, window: Double = 3, expectedCores: ClosedRange<Double>? = nil) {
        self.target = target; self.window = window; self.expectedCores = expectedCores
    }

    public init(container: String, window: Double = 3, expectedCores: ClosedRange<Double>? = nil) {
        self.init(target: .container(container), window: window, expectedCores: expectedCores)
    }

    /// The container sampled, or nil for a cgroup.
    public var container: String? {
        if case .container(let name) = target { return name }
        return nil
    }
}
