import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Docker's reference rules, for the local store only: `busybox` means `busybox:latest`,
/// `docker.io/library/busybox` is `busybox`, and a colon after the last slash starts the tag
/// (`localhost:5000/app` has no tag).
public enum ImageReference {
    /// `name:tag`, with the default registry prefixes removed and `latest` added when there is no tag.
    public static func normalize(_ reference: String) -> String {
        var ref = reference
        if let at = ref.firstIndex(of: "@") { ref = String(ref[..<at]) }
        for prefix in ["docker.io/library/", "index.docker.io/library/", "docker.io/", "index.docker.io/"] where ref.hasPrefix(prefix) {
            ref = String(ref.dropFirst(prefix.count))
            break
        }
        let lastSlash = ref.lastIndex(of: "/")
        let tail = lastSlash.map { ref[ref.index(after: $0)...] } ?? ref[...]
        return tail.contains(":") ? ref : ref + ":latest"
    }

    /// Splits a normalized reference into repository and tag.
    public static func split(_ normalized: String) -> (repository: String, tag: String) {
        let lastSlash = normalized.lastIndex(of: "/")
        let searchStart = lastSlash.map { normalized.index(after: $0) } ?? normalized.startIndex
        guard let colon = normalized[searchStart...].lastIndex(of: ":") else { return (normalized, "latest") }
        return (String(normalized[..<colon]), String(normalized[normalized.index(after: colon)...]))
    }

    /// A valid `[domain[:port]/]path[:tag]` by Docker's reference grammar (distribution/reference):
    /// path components of lowercase letters and digits joined by `.`, `_`, `__` or dashes, a tag
    /// of at most 128 word characters, dots and dashes, a name of at most 255 characters. A digest
    /// (`@sha256:...`) is not a name isolab can store. `../../x:y` and `a//b` are refused.
    public static func isValid(_ reference: String) -> Bool {
        guard reference.utf8.count <= 512, let match = try? grammar.wholeMatch(in: reference) else { return false }
        return match.output.count > 1 && (match.output[1].substring?.count ?? 256) <= 255
    }

    /// `(name)(:tag)?`, name = `(domain/)?component(/component)*`.
    private static var grammar: Regex<AnyRegexOutput> {
        let alphanumeric = "[a-z0-9]+"
        let separator = "(?:[._]|__|[-]+)"
        let component = "\(alphanumeric)(?:\(separator)\(alphanumeric))*"
        let domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
        let host = "(?:\(domainComponent)(?:\\.\(domainComponent))*|\\[[a-fA-F0-9:]+\\])"
        let domain = "\(host)(?::[0-9]+)?"
        let name = "(?:\(domain)/)?\(component)(?:/\(component))*"
        let tag = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}"
        // The pattern is a constant: it always compiles.
        return try! Regex("(\(name))(?::\(tag))?")
    }

    /// The refusal of a reference that `isValid` refuses (the CLI words it as Docker does).
    public static func invalidFormat(_ reference: String) -> RuntimeError {
        let capitals = split(normalize(reference)).repository.contains(where: \.isUppercase)
        return RuntimeError(.invalidArgument, "\(reference.debugDescription) is not a valid image reference"
                            + (capitals ? " (its repository name has capital letters)" : ""),
                            operation: "parse reference", reference: reference)
    }

    /// `sha256:<hex>`, `<hex>` or a hex prefix of at least 4 characters: what may name an image by id.
    public static func idPrefix(_ reference: String) -> String? {
        let hex = reference.hasPrefix("sha256:") ? String(reference.dropFirst(7)) : reference
        guard hex.count >= 4, hex.count <= 64, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        return hex
    }
}
