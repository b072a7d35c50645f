/// A random number generator that yields chosen indices: `Int.random(in: 0..<n, using:)` takes
/// the high word of next() × n (Lemire's method), so the middle of index i's slice of 2^64
/// gives i. Once the script is used up it repeats its last index.
struct ScriptedRandom: RandomNumberGenerator {
    private var picks: [(index: Int, of: Int)]
    private var used = 0

    init(_ picks: [(index: Int, of: Int)]) { self.picks = picks }

    mutating func next() -> UInt64 {
        let p = picks[min(used, picks.count - 1)]
        used += 1
        let slice = Double(UInt64.max) / Double(p.of)
        return UInt64((Double(p.index) + 0.5) * slice)
    }
}
