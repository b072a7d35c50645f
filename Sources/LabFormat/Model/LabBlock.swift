/// One executable block of a lab, validated, with everything the engine needs.
public struct LabBlock: Sendable, Equatable {
    /// `#name`, or `step-N` / `check-N` / `setup-N` … counted per kind in document order.
    public var id: String
    public var kind: LabBlockKind
    /// The fence's language (`console`, `sh`); empty for hidden `<!-- lab:... -->` blocks.
    public var language: String
    /// Where the block opens (the fence or the `<!--`).
    public var location: SourceLocation
    public var hidden: Bool
    public var body: BlockBody
    /// Points of a check (1 by default); 0 for other kinds.
    public var points: Double
    /// Limit for each command, seconds.
    public var timeout: Double
    /// Re-run the block until it passes or this many seconds have passed.
    public var retry: Double?
    public var background: Bool
    /// A solution's check id (without `#`).
    public var solutionFor: String?
    /// `hint="…"` in the order given: the Nth failure of a check shows hint N, and the last one
    /// stays for every failure after it (the concept first, the flag last).
    public var hints: [String]
    public var measure: MeasureSpec?
    /// `env="K=V …"`: variables every command of the block runs with, over the session's own
    /// (never PATH or ISOLAB_*, which the parser refuses).
    public var environment: [String: String]
    /// The block's last line in the lab file (its closing fence or `-->`).
    public var endLine: Int

    public init(id: String, kind: LabBlockKind, language: String, location: SourceLocation, hidden: Bool,
                body: BlockBody, points: Double, timeout: Double, retry: Double?, background: Bool,
                solutionFor: String?, hints: [String], measure: MeasureSpec?, environment: [String: String] = [:],
                endLine: Int = 0) {
        self.id = id; self.kind = kind; self.language = language; self.location = location
        self.hidden = hidden; self.body = body; self.points = points; self.timeout = timeout
        self.retry = retry; self.background = background; self.solutionFor = solutionFor
        self.hints = hints; self.measure = measure; self.environment = environment; self.endLine = endLine
    }

    /// The first hint, or nil when the block has none.
    public var hint: String? { hints.first }

    /// The hint to show after the block has failed `failures` times (1 for the first failure):
    /// hint N for the Nth failure, the last hint once they run out.
    public func hint(afterFailures failures: Int) -> String? {
        guard !hints.isEmpty else { return nil }
        return hints[min(max(failures, 1), hints.count) - 1]
    }

    /// Default per-command limit when the block gives no `timeout`.
    public static let defaultTimeout: Double = 30
}
