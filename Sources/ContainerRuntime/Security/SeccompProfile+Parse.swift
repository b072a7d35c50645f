import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension SeccompProfile {
    /// A profile file is small (Docker's own default profile is 20 KiB): anything larger is refused
    /// before it is read whole.
    public static let maxBytes = 1 << 20
    /// At most this many `syscalls[]` entries, and names over all of them: Docker's default profile
    /// has about 60 entries and 400 names. The C side (spec.c) holds the same bound.
    public static let maxEntries = 1024
    public static let maxNames = 2048
    /// The kernel compares six system-call arguments; an entry may compare each of them.
    public static let maxArgsPerEntry = 6
    /// Nesting in a Docker profile is five levels deep; input nested deeper is refused unread.
    static let maxDepth = 16

    public static let actions: Set<String> = [
        "SCMP_ACT_ALLOW", "SCMP_ACT_ERRNO", "SCMP_ACT_KILL", "SCMP_ACT_KILL_THREAD", "SCMP_ACT_KILL_PROCESS",
        "SCMP_ACT_TRAP", "SCMP_ACT_TRACE", "SCMP_ACT_LOG",
    ]
    public static let operators: Set<String> = [
        "SCMP_CMP_EQ", "SCMP_CMP_NE", "SCMP_CMP_LT", "SCMP_CMP_LE", "SCMP_CMP_GT", "SCMP_CMP_GE", "SCMP_CMP_MASKED_EQ",
    ]
    /// runc's list of SCMP_ARCH_* names (libcontainer/seccomp/config.go).
    public static let architectureNames: Set<String> = [
        "SCMP_ARCH_X86", "SCMP_ARCH_X86_64", "SCMP_ARCH_X32", "SCMP_ARCH_ARM", "SCMP_ARCH_AARCH64", "SCMP_ARCH_MIPS",
        "SCMP_ARCH_MIPS64", "SCMP_ARCH_MIPS64N32", "SCMP_ARCH_MIPSEL", "SCMP_ARCH_MIPSEL64", "SCMP_ARCH_MIPSEL64N32",
        "SCMP_ARCH_PPC", "SCMP_ARCH_PPC64", "SCMP_ARCH_PPC64LE", "SCMP_ARCH_RISCV64", "SCMP_ARCH_S390", "SCMP_ARCH_S390X",
        "SCMP_ARCH_LOONGARCH64",
    ]

    /// Decodes and checks a profile's JSON the way dockerd (moby's LoadProfile) and runc would
    /// refuse it, with their wording; every number is range-checked. Returns the profile with
    /// `name` folded into `names`. Unknown system-call names are kept: they are skipped when the
    /// filter is built, as runc skips what libseccomp cannot resolve.
    public static func parse(_ data: Data) throws -> SeccompProfile {
        guard data.count <= maxBytes else { throw invalid("the profile is \(data.count) bytes, more than \(maxBytes)") }
        try checkDepth(data)
        var p: SeccompProfile
        do { p = try JSONDecoder().decode(SeccompProfile.self, from: data) } catch let e as DecodingError {
            // Foundation reports a number that fits no UInt64 (-1, 1.5, 2^64) without saying where.
            if case .dataCorrupted(let c) = e, c.codingPath.isEmpty, let bad = badNumber(in: data) {
                throw invalid("Decoding seccomp profile failed: \(bad)")
            }
            throw invalid("Decoding seccomp profile failed: \(describe(e))")
        } catch {
            throw invalid("Decoding seccomp profile failed: \(error)")
        }
        try p.check()
        return p
    }

    private mutating func check() throws {
        guard Self.actions.contains(defaultAction) else { throw Self.badAction(defaultAction, at: "defaultAction") }
        try Self.checkErrno(defaultErrnoRet, action: defaultAction, at: "defaultErrnoRet")
        if let a = architectures, let m = archMap, !a.isEmpty, !m.isEmpty {
            throw Self.invalid("'architectures' and 'archMap' were specified in the seccomp profile, use either 'architectures' or 'archMap'")
        }
        let arches = (architectures ?? []) + (archMap ?? []).flatMap { [$0.architecture] + ($0.subArchitectures ?? []) }
        // The C side takes 16 architectures (ISOLAB_SECCOMP_MAX_ARCHES); a profile names at most 3 per host.
        guard (architectures ?? []).count <= 16, (archMap ?? []).count <= 64,
              (archMap ?? []).allSatisfy({ ($0.subArchitectures ?? []).count < 16 }) else {
            throw Self.invalid("too many architectures in the seccomp profile (16 at most for one host)")
        }
        if let bad = arches.first(where: { !Self.architectureNames.contains($0) }) {
            throw Self.invalid("string \(bad) is not a valid arch for seccomp")
        }
        if let bad = (flags ?? []).first(where: { $0 != "SECCOMP_FILTER_FLAG_TSYNC" }) {
            throw Self.invalid("seccomp flag \(bad) is not supported by isolab (only SECCOMP_FILTER_FLAG_TSYNC, which runc ignores too)")
        }
        let entries = syscalls ?? []
        guard entries.count <= Self.maxEntries else {
            throw Self.invalid("the seccomp profile has \(entries.count) syscalls entries, more than \(Self.maxEntries)")
        }
        var total = 0
        for i in entries.indices {
            try syscalls?[i].check(at: "syscalls[\(i)]")
            total += syscalls?[i].names?.count ?? 0
            guard total <= Self.maxNames else {
                throw Self.invalid("the seccomp profile names more than \(Self.maxNames) system calls")
            }
        }
    }

    static func checkErrno(_ errno: UInt64?, action: String, at path: String) throws {
        guard let e = errno else { return }
        guard e <= 4095 else { throw invalid("\(path): errno \(e) is out of range (0 to 4095)") }
        guard action == "SCMP_ACT_ERRNO" || action == "SCMP_ACT_TRACE" else {
            throw invalid("\(path): an errno is only valid with SCMP_ACT_ERRNO or SCMP_ACT_TRACE, not \(action)")
        }
    }

    static func badAction(_ action: String, at path: String) -> RuntimeError {
        if action == "SCMP_ACT_NOTIFY" {
            return invalid("\(path): SCMP_ACT_NOTIFY needs a seccomp agent (listenerPath), which isolab does not have")
        }
        return invalid("\(path): string \(action) is not a valid action for seccomp")
    }

    static func invalid(_ message: String) -> RuntimeError { RuntimeError(.invalidArgument, message) }

    /// Counts bracket nesting outside strings, so deeply nested input is refused before a
    /// decoder walks it.
    static func checkDepth(_ data: Data) throws {
        var depth = 0, inString = false, escaped = false
        for b in data {
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch b {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                guard depth <= maxDepth else { throw invalid("Decoding seccomp profile failed: nested more than \(maxDepth) levels deep") }
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
    }

    /// Where the first number that is no unsigned 64-bit integer is ("syscalls[0].errnoRet: -1 is
    /// not ..."), walking the parsed document with a stack (its depth is already bounded).
    static func badNumber(in data: Data) -> String? {
        guard let root = try? UntypedJSON.parse(data) else { return nil }
        var stack: [(path: String, value: Any)] = [("", root)]
        while let (path, value) = stack.popLast() {
            if let d = value as? [String: Any] {
                for key in d.keys.sorted().reversed() { stack.append((path.isEmpty ? key : path + "." + key, d[key] as Any)) }
            } else if let a = value as? [Any] {
                for (i, v) in a.enumerated().reversed() { stack.append((path + "[\(i)]", v)) }
            } else if !(value is Bool), let text = UntypedJSON.numberText(value) {
                if UInt64(text) == nil { return "\(path.isEmpty ? "the profile" : path): \(text) is not an unsigned 64-bit integer" }
            }
        }
        return nil
    }

    /// "syscalls[3].args[0].index: expected UInt64" rather than Foundation's prose.
    static func describe(_ e: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            var out = ""
            for k in keys {
                if let i = k.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + k.stringValue }
            }
            return out.isEmpty ? "the profile" : out
        }
        switch e {
        case .typeMismatch(let type, let c): return "\(path(c.codingPath)): expected \(goName(type))"
        case .valueNotFound(let type, let c): return "\(path(c.codingPath)): expected \(goName(type)), found null"
        case .keyNotFound(let key, let c): return "\(path(c.codingPath + [key])): missing"
        case .dataCorrupted(let c):
            let detail = c.underlyingError.flatMap { UntypedJSON.detail(of: $0) } ?? c.debugDescription
            return c.codingPath.isEmpty ? detail : "\(path(c.codingPath)): \(detail)"
        @unknown default: return "\(e)"
        }
    }

    private static func goName(_ type: Any.Type) -> String {
        switch type {
        case is UInt64.Type: return "an unsigned integer"
        case is String.Type: return "a string"
        case is [Any].Type: return "an array"
        default: return type == [String].self ? "an array of strings" : "\(type)"
        }
    }
}
