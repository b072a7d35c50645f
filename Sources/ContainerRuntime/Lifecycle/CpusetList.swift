/// A kernel CPU list ("0-2,5"), read as moby's sysinfo reads cpuset.cpus and --cpuset-cpus.
enum CpusetList {
    /// Linux's usual CPU limit; a larger request is refused unless the host has more CPUs
    /// (moby's bound against "1-9223372036854775807", CVE-2018-20699).
    static let defaultMaximum = 8192

    struct Invalid: Error, CustomStringConvertible { let description: String }

    /// The CPUs named, each at most `maximum` (0: no bound, for the host's own list).
    /// Errors in moby's words, typo included ("value of out range").
    static func parse(_ text: String, maximum: Int) throws -> Set<Int> {
        if text.isEmpty { return [] }
        let invalid = Invalid(description: "invalid format: \(text)")
        let bound = maximum > 0 ? maximum : Int.max
        var out = Set<Int>()
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            if let dash = part.firstIndex(of: "-") {
                guard let lo = Int(part[..<dash]), let hi = Int(part[part.index(after: dash)...]),
                      lo >= 0, hi >= lo else { throw invalid }
                if hi > bound { throw Invalid(description: "value of out range, maximum is \(maximum)") }
                // Bounded by `maximum` for a request; the host's own list is the kernel's.
                for cpu in lo...hi { out.insert(cpu) }
            } else {
                guard let cpu = Int(part), cpu >= 0 else { throw invalid }
                if cpu > bound { throw Invalid(description: "value of out range, maximum is \(maximum)") }
                out.insert(cpu)
            }
        }
        return out
    }
}
