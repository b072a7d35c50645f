import CRuntime
extension SeccompProfile {
    /// The child spec's entries for this profile (keys in isolab_runtime.h's list): "seccomp.default"
    /// = "ACTION\u{1f}ERRNO", one "seccomp.arch" per libseccomp architecture name, one
    /// "seccomp.rule" per system call name = "NAME\u{1f}ACTION\u{1f}ERRNO" then per comparison
    /// "\u{1f}INDEX\u{1f}OP\u{1f}VALUE\u{1f}VALUETWO" (an empty ERRNO: the action's default, EPERM).
    /// Entries are chosen as moby's setupSeccomp does: `excludes` drops an entry when the host's
    /// architecture is listed, any listed capability is in the container's bounding set, or the
    /// kernel is at least minKernel; `includes` keeps it only when all of its conditions hold.
    public func specEntries(bounding: [String], host: SeccompHost) throws -> [(key: ChildSpec.Key, value: String)] {
        var out: [(key: ChildSpec.Key, value: String)] = [(ISOLAB_SPEC_SECCOMP_DEFAULT, defaultAction + "\u{1f}" + (defaultErrnoRet.map(String.init) ?? ""))]
        var arches = architectures ?? []
        if let entry = (archMap ?? []).first(where: { $0.architecture == host.scmpArch }) {
            arches = [entry.architecture] + (entry.subArchitectures ?? [])
        }
        for a in arches { out.append((ISOLAB_SPEC_SECCOMP_ARCH, String(a.dropFirst("SCMP_ARCH_".count)).lowercased())) }
        for call in syscalls ?? [] {
            if let x = call.excludes {
                if (x.arches ?? []).contains(host.arch) { continue }
                if (x.caps ?? []).contains(where: bounding.contains) { continue }
                if let k = x.minKernel, try Self.kernel(host, atLeast: k) { continue }
            }
            if let i = call.includes {
                if let a = i.arches, !a.isEmpty, !a.contains(host.arch) { continue }
                if !(i.caps ?? []).allSatisfy(bounding.contains) { continue }
                if let k = i.minKernel, try !Self.kernel(host, atLeast: k) { continue }
            }
            var tail = "\u{1f}" + call.action + "\u{1f}" + (call.errnoRet.map(String.init) ?? "")
            for a in call.args ?? [] {
                tail += "\u{1f}\(a.index)\u{1f}\(a.op)\u{1f}\(a.value)\u{1f}\(a.valueTwo ?? 0)"
            }
            // A name of other characters is no system call: libseccomp could not resolve it,
            // and runc skips what it cannot resolve.
            for n in call.names ?? [] where n.utf8.allSatisfy({ $0 == 95 || (48...57).contains($0) || (97...122).contains($0) || (65...90).contains($0) }) {
                out.append((ISOLAB_SPEC_SECCOMP_RULE, n + tail))
            }
        }
        return out
    }

    private static func kernel(_ host: SeccompHost, atLeast text: String) throws -> Bool {
        guard let want = KernelVersion(text) else { throw invalid("invalid kernel version \"\(text.prefix(32))\" in the seccomp profile") }
        guard let running = host.kernel else { throw invalid("cannot read the running kernel's version for the seccomp profile's minKernel") }
        return running >= want
    }
}
