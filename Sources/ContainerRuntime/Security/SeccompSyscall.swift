/// One `syscalls[]` entry of a Docker profile: calls by name, the action they get, optional
/// argument comparisons (all must match), and the conditions under which Docker uses the entry.
public struct SeccompSyscall: Codable, Sendable, Equatable {
    /// Docker accepts `name` or `names`, not both; `parse` folds `name` into `names`.
    public var name: String?
    public var names: [String]?
    public var action: String
    public var errnoRet: UInt64?
    public var args: [SeccompArg]?
    public var comment: String?
    public var includes: SeccompCondition?
    public var excludes: SeccompCondition?

    public init(names: [String], action: String, errnoRet: UInt64? = nil, args: [SeccompArg]? = nil,
                includes: SeccompCondition? = nil, excludes: SeccompCondition? = nil) {
        self.names = names
        self.action = action
        self.errnoRet = errnoRet
        self.args = args
        self.includes = includes
        self.excludes = excludes
    }
}
