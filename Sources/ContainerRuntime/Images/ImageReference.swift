import Foundation

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

    /// A syntactically valid name[:tag] (lowercase repository, Docker's tag alphabet).
    public static func isValid(_ reference: String) -> Bool {
        let (repo, tag) = split(normalize(reference))
        guard !repo.isEmpty, !tag.isEmpty, tag.count <= 128 else { return false }
        let repoOK = repo.allSatisfy { $0.isLowercase || $0.isNumber || "._-/:".contains($0) }
            && !repo.hasPrefix("/") && !repo.hasSuffix("/")
        let tagOK = tag.allSatisfy { $0.isLetter || $0.isNumber || "._-".contains($0) } && !tag.hasPrefix(".") && !tag.hasPrefix("-")
        return repoOK && tagOK
    }

    /// Docker's wording for a reference that `isValid` refuses.
    public static func invalidFormat(_ reference: String) -> RuntimeError {
        let repo = split(normalize(reference)).repository
        if repo.contains(where: \.isUppercase) {
            return RuntimeError(.invalidArgument, "invalid reference format: repository name (\(repo)) must be lowercase")
        }
        return RuntimeError(.invalidArgument, "invalid reference format")
    }

    /// `sha256:<hex>`, `<hex>` or a hex prefix of at least 4 characters: what may name an image by id.
    public static func idPrefix(_ reference: String) -> String? {
        let hex = reference.hasPrefix("sha256:") ? String(reference.dropFirst(7)) : reference
        guard hex.count >= 4, hex.count <= 64, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        return hex
    }
}
