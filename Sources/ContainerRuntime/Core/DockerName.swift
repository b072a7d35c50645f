/// Docker's rule for the names a user gives (moby's RestrictedNameChars): container names,
/// network names and network aliases, ASCII only. Each use keeps its own bounds (a container
/// name has two characters at least; a network name at most 128 bytes; an alias, which becomes
/// an /etc/hosts name, at most 253) and its own words.
public enum DockerName {
    /// The rule as moby's messages quote it.
    public static let pattern = "[a-zA-Z0-9][a-zA-Z0-9_.-]"

    public static func isValid(_ name: String, minLength: Int = 1, maxBytes: Int = .max) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.isASCIIAlphanumeric else { return false }
        // ASCII only, so bytes and characters are counted alike.
        return (minLength...maxBytes).contains(name.utf8.count)
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.isASCIIAlphanumeric || "_.-".unicodeScalars.contains($0)) }
    }
}
