/// What a `measure` block samples.
public enum MeasureTarget: Sendable, Equatable {
    /// `measure=cpu:NAME`: container NAME of the lab's isolab namespace.
    case container(String)
    /// `measure=cgroup:PATH`: any cgroup, PATH relative to the cgroup root (on v1, the root of the
    /// hierarchy with cpuacct). `$name` and `${name}` in it are captures or the variables every
    /// command gets (`ISOLAB_NAMESPACE`), expanded when the block runs, so that a lab can make a
    /// cgroup named for its run.
    case cgroup(String)
}
