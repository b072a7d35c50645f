import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// This host's machine and kernel, from one uname(2) per process, and the machine's names in the
/// one table of them: Go's GOARCH, which `docker version` prints (amd64, 386, arm64); the
/// libseccomp name a seccomp profile's `arches` are matched against (moby's goToNative of
/// GOARCH: x86 for 386); and the profile's SCMP_ARCH_* for archMap.
public struct HostMachine: Sendable, Equatable {
    /// `uname -m` ("x86_64") and `uname -r` ("6.1.0-18-amd64").
    public var machine: String
    public var release: String
    public var goArch: String
    public var seccompArch: String
    /// "" for a machine libseccomp has no name for here (no archMap entry matches it).
    public var scmpArch: String

    /// Read once: a container start and `docker version` both ask, and the answer never changes.
    public static let current: HostMachine = {
        var u = utsname()
        guard uname(&u) == 0 else { return HostMachine(machine: "", release: "") }
        func text<T>(_ field: inout T) -> String {
            withUnsafeBytes(of: &field) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        return HostMachine(machine: text(&u.machine), release: text(&u.release))
    }()

    public init(machine: String, release: String) {
        self.machine = machine
        self.release = release
        let names = Self.names(machine)
        (goArch, seccompArch, scmpArch) = (names.go, names.seccomp, names.scmp)
    }

    /// uname's machine → (GOARCH, libseccomp's name, SCMP_ARCH_*); an unknown machine keeps its
    /// own name for the first two.
    static func names(_ machine: String) -> (go: String, seccomp: String, scmp: String) {
        switch machine {
        case "x86_64": ("amd64", "amd64", "SCMP_ARCH_X86_64")
        case "i386", "i486", "i586", "i686": ("386", "x86", "SCMP_ARCH_X86")
        case "aarch64", "arm64": ("arm64", "arm64", "SCMP_ARCH_AARCH64")
        case let m where m.hasPrefix("arm"): ("arm", "arm", "SCMP_ARCH_ARM")
        case "ppc64le": ("ppc64le", "ppc64le", "SCMP_ARCH_PPC64LE")
        case "ppc64": ("ppc64", "ppc64", "SCMP_ARCH_PPC64")
        case "s390x": ("s390x", "s390x", "SCMP_ARCH_S390X")
        case "riscv64": ("riscv64", "riscv64", "SCMP_ARCH_RISCV64")
        case "loongarch64": ("loong64", "loong64", "SCMP_ARCH_LOONGARCH64")
        default: (machine, machine, "")
        }
    }
}
