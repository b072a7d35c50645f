/// The PATH of `measure=cgroup:PATH`, checked where it is written and again after captures are
/// expanded into it: relative components only (no `.`, `..`, NUL), so that it cannot leave the
/// cgroup root it is joined to.
public enum CgroupMeasurePath {
    /// Longest accepted path (PATH_MAX).
    public static let maxLength = 4096

    /// Why `path` cannot name a cgroup under the root, or nil when it can. A leading `/` is allowed.
    public static func problem(_ path: String) -> String? {
        if path.utf8.count > maxLength { return "longer than \(maxLength) bytes" }
        if path.contains("\0") { return "contains a NUL byte" }
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        if components.isEmpty { return "names no cgroup (the root itself cannot be measured)" }
        if components.contains(where: { $0 == "." || $0 == ".." }) { return "contains '.' or '..'" }
        return nil
    }

    /// `path` with `$name` and `${name}` replaced by `values[name]` (an unknown name is an error,
    /// as is an unclosed `${`). Names are letters, digits and `_`, as a shell's.
    public static func expand(_ path: String, _ values: [String: String]) -> Result<String, ExpansionError> {
        var out = ""
        var i = path.startIndex
        func isNameChar(_ c: Character) -> Bool { c == "_" || (c.isASCII && (c.isLetter || c.isNumber)) }
        while i < path.endIndex {
            let c = path[i]
            guard c == "$" else { out.append(c); i = path.index(after: i); continue }
            var j = path.index(after: i)
            var name = ""
            if j < path.endIndex, path[j] == "{" {
                j = path.index(after: j)
                while j < path.endIndex, path[j] != "}" { name.append(path[j]); j = path.index(after: j) }
                guard j < path.endIndex else { return .failure(ExpansionError(message: "an unclosed ${ in \(path)")) }
                j = path.index(after: j)
            } else {
                while j < path.endIndex, isNameChar(path[j]) { name.append(path[j]); j = path.index(after: j) }
            }
            guard !name.isEmpty, name.allSatisfy(isNameChar) else {
                return .failure(ExpansionError(message: "a '$' without a capture name in \(path)"))
            }
            guard let value = values[name] else {
                return .failure(ExpansionError(message: "no capture or variable named '\(name)' for \(path)"))
            }
            out += value
            i = j
        }
        return .success(out)
    }

    public struct ExpansionError: Error, Equatable, CustomStringConvertible {
        public var message: String
        public init(message: String) { self.message = message }
        public var description: String { message }
    }
}
