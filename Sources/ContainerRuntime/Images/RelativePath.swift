/// Splitting `/`-separated paths without Foundation's `NSString` path methods, which trap on some
/// inputs (seen on member names of crafted archives): names from an image are input.
enum RelativePath {
    /// `("a/b", "c")` for `"a/b/c"`, `("", "c")` for `"c"`. Trailing slashes are not expected
    /// (member names are normalized first) and give an empty last part.
    static func split(_ path: String) -> (parent: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        let parent = String(path[..<slash])
        let name = String(path[path.index(after: slash)...])
        // "/x": the parent is the root.
        return (parent.isEmpty && path.hasPrefix("/") ? "/" : parent, name)
    }

    static func parent(_ path: String) -> String { split(path).parent }
    static func name(_ path: String) -> String { split(path).name }
}
