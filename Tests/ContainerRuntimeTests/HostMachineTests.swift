import Foundation
import Testing
@testable import ContainerRuntime

/// One table of the machine's names: Go's for `docker version`, libseccomp's for a profile's
/// `arches` (moby's goToNative), SCMP_ARCH_* for its archMap.
struct HostMachineTests {
    @Test func eachMachineHasItsGoAndSeccompNames() {
        for m in ["i386", "i586", "i686"] {
            let x = HostMachine(machine: m, release: "")
            #expect(x.goArch == "386" && x.seccompArch == "x86" && x.scmpArch == "SCMP_ARCH_X86", "\(m)")
        }
        let amd = HostMachine(machine: "x86_64", release: "")
        #expect(amd.goArch == "amd64" && amd.seccompArch == "amd64" && amd.scmpArch == "SCMP_ARCH_X86_64")
        let arm = HostMachine(machine: "armv6l", release: "")
        #expect(arm.goArch == "arm" && arm.seccompArch == "arm" && arm.scmpArch == "SCMP_ARCH_ARM")
        #expect(HostMachine(machine: "aarch64", release: "").goArch == "arm64")
        #expect(HostMachine(machine: "loongarch64", release: "").goArch == "loong64")
        let odd = HostMachine(machine: "sparc64", release: "")
        #expect(odd.goArch == "sparc64" && odd.seccompArch == "sparc64" && odd.scmpArch == "")
    }

    @Test func thisHostIsUnamesAndSeccompUsesTheSameNames() {
        var u = utsname()
        #expect(uname(&u) == 0)
        let machine = withUnsafeBytes(of: &u.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let release = withUnsafeBytes(of: &u.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        #expect(HostMachine.current == HostMachine(machine: machine, release: release))
        let seccomp = SeccompHost.current()
        #expect(seccomp.arch == HostMachine.current.seccompArch && seccomp.scmpArch == HostMachine.current.scmpArch)
        #expect(seccomp.kernel == KernelVersion(release: release))
    }
}
