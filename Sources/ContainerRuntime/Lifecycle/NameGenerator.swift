import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Docker's random names ("focused_turing") for containers run without --name, from Docker's
/// own lists (`NameGenerator+Lists.swift`).
enum NameGenerator {
    /// Docker's `GetRandomName(retry)`: adjective_surname, never "boring_wozniak" (Steve Wozniak
    /// is not boring); a retry gets a random digit appended.
    static func candidate<G: RandomNumberGenerator>(retry: Int, using g: inout G) -> String {
        var name: String
        repeat {
            let l = left[Int.random(in: 0..<left.count, using: &g)]
            let r = right[Int.random(in: 0..<right.count, using: &g)]
            name = l + "_" + r
        } while name == "boring_wozniak"
        if retry > 0 { name += String(Int.random(in: 0...9, using: &g)) }
        return name
    }

    /// A name not in `taken`. Docker tries six random names, then the id's first 12 hex digits;
    /// a user may have taken even that (`--name` accepts hex), so after it comes a counted suffix
    /// until one is free. `taken` is finite, so this always ends with a free name: the caller
    /// holds the namespace lock while it picks and claims, so free here means free when written.
    static func pick<G: RandomNumberGenerator>(taken: Set<String>, id: String, using g: inout G) -> String {
        for retry in 0..<6 {
            let name = candidate(retry: retry, using: &g)
            if !taken.contains(name) { return name }
        }
        let short = String(id.prefix(12))
        if !taken.contains(short) { return short }
        var n = 1
        while taken.contains(short + "_" + String(n)) { n += 1 }
        return short + "_" + String(n)
    }

    static func pick(taken: Set<String>, id: String) -> String {
        var g = SystemRandomNumberGenerator()
        return pick(taken: taken, id: id, using: &g)
    }
}
