/// The ranges every number of a lab or a results file must lie in. A lab and a results file
/// come from someone else (a course, a learner's hand-edited JSON); each number is checked
/// against these before it is used, so no later arithmetic or formatting can overflow or trap.
public enum LabLimits {
    /// A check's points (`points=`, a results file's `score`/`max_score`).
    public static let maxPoints: Double = 10_000
    /// `timeout=`, `retry=`: a day is more than any lab step needs.
    public static let maxBlockSeconds: Double = 86_400
    /// `window=` of a measuring block.
    public static let maxWindowSeconds: Double = 3_600
    /// `expect-cores=A..B` and measured cores.
    public static let maxCores: Double = 65_536
    /// Durations in a results file (a block, a command, a lab): a year.
    public static let maxResultSeconds: Double = 366 * 86_400
    /// The longest `(re)` line's expression (bytes): compiling a regular expression costs
    /// far more than its length, and no output line needs a pattern this long.
    public static let maxRegexLength = 4_096
    /// The largest lab file read (bytes): far above any real lab, low enough that parsing
    /// stays quick and small (parsing is linear; see bench/lab-check.sh).
    public static let maxLabBytes = 16 << 20
    /// The largest results file read (bytes): a lab's source plus every command's output.
    public static let maxResultsBytes = 64 << 20
    /// Variables one block's `env=` may set: a block needs a handful; the limit keeps a lab
    /// from growing every command's environment towards the kernel's, where exec fails (E2BIG).
    public static let maxBlockVariables = 64
    /// The bytes of one block's `env=` variables, each counted as `NAME=VALUE` and its NUL as
    /// the kernel counts it: far below Linux's 128 KiB for one variable (MAX_ARG_STRLEN) and its
    /// ARG_MAX for all of them with the arguments, leaving room for the reset environment and
    /// the captures that every command also gets.
    public static let maxBlockEnvironmentBytes = 32 << 10
}
