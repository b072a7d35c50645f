import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A seccomp profile in Docker's JSON format (moby's profiles/seccomp `Seccomp` type), as
/// `--security-opt seccomp=FILE.json` gives it. Decoded and checked by `parse` (SeccompProfile+Parse);
/// stored, normalized, in the container's config so `start` and `exec` never read the file again.
/// Keys keep Docker's spelling, so the stored form is itself a Docker profile.
public struct SeccompProfile: Codable, Sendable, Equatable {
    /// SCMP_ACT_*: what a call no rule matches gets.
    public var defaultAction: String
    /// The errno of a default SCMP_ACT_ERRNO or SCMP_ACT_TRACE (EPERM when absent).
    public var defaultErrnoRet: UInt64?
    /// SCMP_ARCH_* names the filter covers besides the native one (exclusive with `archMap`).
    public var architectures: [String]?
    /// Per native architecture, the architectures to cover (Docker picks this host's entry).
    public var archMap: [SeccompArchMap]?
    /// Filter flags (SECCOMP_FILTER_FLAG_*); isolab accepts only TSYNC, which runc ignores too.
    public var flags: [String]?
    public var syscalls: [SeccompSyscall]?

    public init(defaultAction: String, defaultErrnoRet: UInt64? = nil, architectures: [String]? = nil,
                archMap: [SeccompArchMap]? = nil, flags: [String]? = nil, syscalls: [SeccompSyscall]? = nil) {
        self.defaultAction = defaultAction
        self.defaultErrnoRet = defaultErrnoRet
        self.architectures = architectures
        self.archMap = archMap
        self.flags = flags
        self.syscalls = syscalls
    }
}
