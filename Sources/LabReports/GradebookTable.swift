
/// The gradebook as values: one row per learner, one column per check.
public struct GradebookTable: Sendable, Equatable {
    /// A check column, `lab/check-id`, with its points (the highest seen, should labs differ).
    public struct Column: Sendable, Equatable {
        public var name: String
        public var maxScore: Double
    }

    /// One learner's scores, in column order; nil where the learner's results lack the check.
    public struct Row: Sendable, Equatable {
        public var learner: String
        public var scores: [Double?]
        public var total: Double
        public var maxScore: Double
    }

    public var columns: [Column]
    public var rows: [Row]
}
