import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// What a profile's architecture and kernel conditions are judged against: this host's
/// native architecture in Go's names (includes/excludes `arches`) and in SCMP_ARCH_* (archMap),
/// and the running kernel.
public struct SeccompHost: Sendable {
    public var goArch: String          // "amd64"
    public var scmpArch: String        // "SCMP_ARCH_X86_64"
    public var kernel: KernelVersion?

    public init(goArch: String, scmpArch: String, kernel: KernelVersion?) {
        self.goArch = goArch
        self.scmpArch = scmpArch
        self.kernel = kernel
    }

    public static func current() -> SeccompHost {
        var u = utsname()
        let machine = uname(&u) == 0
            ? withUnsafeBytes(of: &u.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) } : ""
        let (go, scmp): (String, String) = switch machine {
        case "x86_64": ("amd64", "SCMP_ARCH_X86_64")
        case "aarch64", "arm64": ("arm64", "SCMP_ARCH_AARCH64")
        case "i386", "i486", "i586", "i686": ("x86", "SCMP_ARCH_X86")
        case let m where m.hasPrefix("arm"): ("arm", "SCMP_ARCH_ARM")
        case "ppc64le": ("ppc64le", "SCMP_ARCH_PPC64LE")
        case "ppc64": ("ppc64", "SCMP_ARCH_PPC64")
        case "s390x": ("s390x", "SCMP_ARCH_S390X")
        case "riscv64": ("riscv64", "SCMP_ARCH_RISCV64")
        case "loongarch64": ("loong64", "SCMP_ARCH_LOONGARCH64")
        default: (machine, "")
        }
        return SeccompHost(goArch: go, scmpArch: scmp, kernel: KernelVersion.running())
    }
}
