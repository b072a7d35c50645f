import FoundationEssentials

/// What a profile's architecture and kernel conditions are judged against: this host's
/// architecture as libseccomp names it (includes/excludes `arches`, as moby matches them) and in
/// SCMP_ARCH_* (archMap), and the running kernel.
public struct SeccompHost: Sendable {
    public var arch: String            // "amd64"; "x86" on a 386 host
    public var scmpArch: String        // "SCMP_ARCH_X86_64"
    public var kernel: KernelVersion?

    public init(arch: String, scmpArch: String, kernel: KernelVersion?) {
        self.arch = arch
        self.scmpArch = scmpArch
        self.kernel = kernel
    }

    public static func current() -> SeccompHost {
        let m = HostMachine.current
        return SeccompHost(arch: m.seccompArch, scmpArch: m.scmpArch, kernel: KernelVersion(release: m.release))
    }
}
