extension SeccompSyscall {
    /// Docker's and runc's checks of one entry, plus isolab's bounds on lengths and numbers.
    mutating func check(at path: String) throws {
        if let n = name, !n.isEmpty {
            guard (names ?? []).isEmpty else {
                throw SeccompProfile.invalid("'name' and 'names' were specified in the seccomp profile, use either 'name' or 'names'")
            }
            names = [n]
            name = nil
        }
        for n in names ?? [] {
            guard !n.isEmpty else { throw SeccompProfile.invalid("\(path): empty string is not a valid syscall") }
            guard n.utf8.count <= 64 else { throw SeccompProfile.invalid("\(path): system call name \"\(n.prefix(64))...\" is longer than 64 bytes") }
        }
        guard SeccompProfile.actions.contains(action) else { throw SeccompProfile.badAction(action, at: "\(path).action") }
        try SeccompProfile.checkErrno(errnoRet, action: action, at: "\(path).errnoRet")
        let a = args ?? []
        guard a.count <= SeccompProfile.maxArgsPerEntry else {
            throw SeccompProfile.invalid("\(path).args: \(a.count) comparisons, more than \(SeccompProfile.maxArgsPerEntry)")
        }
        for (j, arg) in a.enumerated() {
            guard arg.index <= 5 else { throw SeccompProfile.invalid("\(path).args[\(j)].index: \(arg.index) is not an argument (0 to 5)") }
            guard SeccompProfile.operators.contains(arg.op) else {
                throw SeccompProfile.invalid("\(path).args[\(j)].op: string \(arg.op) is not a valid operator for seccomp")
            }
        }
        for (what, c) in [("includes", includes), ("excludes", excludes)] {
            guard let c else { continue }
            guard (c.caps ?? []).count <= 64, (c.arches ?? []).count <= 64 else {
                throw SeccompProfile.invalid("\(path).\(what): more than 64 capabilities or architectures")
            }
            if let k = c.minKernel, KernelVersion(k) == nil {
                throw SeccompProfile.invalid("\(path).\(what).minKernel: invalid kernel version \"\(k.prefix(32))\" (expected MAJOR.MINOR)")
            }
        }
    }
}
