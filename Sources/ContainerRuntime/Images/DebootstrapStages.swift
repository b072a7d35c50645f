import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Turns debootstrap's several hundred `I:` lines (one per package retrieved, validated,
/// unpacked, configured) into a line per stage, with a count of packages inside a stage.
struct DebootstrapStages {
    enum Event: Equatable {
        case newStage(String)     // print it on a line of its own
        case count(String)        // the stage's running count (a terminal shows it in place)
    }

    /// Stages whose lines name one package each: "I: Retrieving libc6 2.36-9" (name and version),
    /// "I: Unpacking libc6:amd64..." (name only); "I: Unpacking the base system..." starts a stage.
    static let perPackage: Set<Substring> = ["Retrieving", "Validating", "Extracting", "Unpacking", "Configuring"]

    /// Per-package stages already announced since the last stage line, with their counts:
    /// debootstrap interleaves "Retrieving x" and "Validating x", so each is announced once.
    private var counts: [String: Int] = [:]

    mutating func next(_ line: String) -> Event? {
        guard line.hasPrefix("I: ") else { return nil }
        let message = line.dropFirst(3).trimmingSpaces()
        let words = message.split(separator: " ")
        guard let verb = words.first else { return nil }
        let dots = message.hasSuffix("...")
        guard DebootstrapStages.perPackage.contains(verb) && (dots ? words.count == 2 : words.count == 3) else {
            counts = [:]
            return .newStage(message)
        }
        let label = "\(verb) packages"
        guard let count = counts[label] else {
            counts[label] = 1
            return .newStage(label)
        }
        counts[label] = count + 1
        return .count("\(label) (\(count + 1))")
    }
}
