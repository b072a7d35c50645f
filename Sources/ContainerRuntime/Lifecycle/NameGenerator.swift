import Foundation

/// Docker-style random names ("focused_turing") for containers run without --name.
enum NameGenerator {
    static let left = ["admiring", "brave", "clever", "eager", "focused", "gallant", "happy", "keen",
                       "lucid", "modest", "nifty", "patient", "quirky", "serene", "tender", "vibrant"]
    static let right = ["babbage", "curie", "dijkstra", "euler", "franklin", "hopper", "kare", "lamport",
                        "lovelace", "noether", "pike", "ritchie", "shannon", "thompson", "torvalds", "turing"]

    static func next(taken: Set<String>) -> String {
        for _ in 0..<64 {
            let n = "\(left.randomElement()!)_\(right.randomElement()!)"
            if !taken.contains(n) { return n }
        }
        return "\(left.randomElement()!)_\(right.randomElement()!)\(Int.random(in: 1...999))"
    }
}
