import FoundationEssentials

/// A kernel version as a seccomp profile's `minKernel` writes it ("4.8", "5.10.1"), compared
/// with the running kernel's release ("5.15.0-91-generic") as moby does.
public struct KernelVersion: Comparable, Sendable {
    public var major: Int, minor: Int, patch: Int

    /// "MAJOR.MINOR" or "MAJOR.MINOR.PATCH", each at most five digits; nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count) else { return nil }
        var nums: [Int] = []
        for p in parts {
            guard (1...5).contains(p.utf8.count), p.utf8.allSatisfy({ (48...57).contains($0) }), let n = Int(p) else { return nil }
            nums.append(n)
        }
        major = nums[0]; minor = nums[1]; patch = nums.count > 2 ? nums[2] : 0
    }

    init(major: Int, minor: Int, patch: Int) { self.major = major; self.minor = minor; self.patch = patch }

    /// The running kernel's (HostMachine's one uname).
    public static func running() -> KernelVersion? { KernelVersion(release: HostMachine.current.release) }

    /// From a kernel release ("5.15.0-91-generic"): the leading "A.B[.C]" before any "-flavour".
    init?(release: String) {
        let numeric = release.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let trimmed = numeric.hasSuffix(".") ? numeric.dropLast() : numeric
        self.init(String(trimmed))
    }

    public static func < (a: KernelVersion, b: KernelVersion) -> Bool {
        (a.major, a.minor, a.patch) < (b.major, b.minor, b.patch)
    }
}
