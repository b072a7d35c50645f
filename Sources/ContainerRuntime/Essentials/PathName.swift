/// The last part and the parent of a `/`-separated path, as NSString's `lastPathComponent` and
/// `deletingLastPathComponent` give them (trailing slashes ignored; "/" for a path right below
/// the root), without Foundation's NSString (see CFormat).
public enum PathName {
    /// "c" for "/a/b/c" and "/a/b/c/", "/" for "/", "" for "".
    public static func last(_ path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        if trimmed.isEmpty { return path.isEmpty ? "" : "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// "/a/b" for "/a/b/c", "/" for "/a" and "/", "" for "c".
    public static func parent(_ path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        if trimmed.isEmpty { return path.isEmpty ? "" : "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let parent = withoutTrailingSlashes(trimmed[..<slash])
        return parent.isEmpty ? "/" : String(parent)
    }

    private static func withoutTrailingSlashes(_ s: some StringProtocol) -> Substring {
        var end = s.endIndex
        while end > s.startIndex, s[s.index(before: end)] == "/" { end = s.index(before: end) }
        return Substring(s[s.startIndex..<end])
    }
}
