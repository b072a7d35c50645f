import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `docker diff`: what a container's writable layer changed over its image, as Docker's
/// overlay driver reports it: `A` added, `C` changed (it is in a lower layer too), `D` deleted
/// (a whiteout over something below). Walks the upper dir and the lower layers side by side
/// without a mount and without recursion; a lower layer is only looked into through real
/// directories, so no symlink of an image ever leads the walk out of its layer.
public struct LayerChanges {
    public enum Kind: String, Sendable { case added = "A", changed = "C", deleted = "D" }
    public struct Change: Sendable, Equatable {
        public var kind: Kind
        public var path: String     // "/etc/hosts"
    }

    let upper: String
    let lowers: [String]            // top first

    public init(upper: String, lowers: [String]) {
        self.upper = upper
        self.lowers = lowers
    }

    public func changes() throws -> [Change] {
        var out: [Change] = []
        guard try ImageFiles.lstatIfExists(upper).map(ImageFiles.isDirectory) == true else { return [] }
        let present = lowers.indices.filter { (try? ImageFiles.lstatIfExists(lowers[$0]))??.st_mode != nil }
        // Directories still to list: their path, and the lower layers where it is a directory that shows.
        var pending: [(rel: String, below: [Int])] = [("", present)]
        while let (rel, below) = pending.popLast() {
            for name in try ImageFiles.listDirectory(rel.isEmpty ? upper : upper + "/" + rel) {
                let child = rel.isEmpty ? name : rel + "/" + name
                guard let st = try ImageFiles.lstatIfExists(upper + "/" + child) else { continue }
                if LayerPacker.isRuntimePlaceholder(child, st) { continue }
                var existsBelow = false
                var childBelow: [Int] = []
                var decided = false
                for i in below {
                    guard let l = try ImageFiles.lstatIfExists(lowers[i] + "/" + child) else { continue }
                    if !decided {
                        decided = true
                        existsBelow = !ImageFiles.isWhiteout(l)
                    }
                    guard ImageFiles.isDirectory(l) else { break }
                    childBelow.append(i)
                    if try ImageFiles.isOpaque(lowers[i] + "/" + child) { break }
                }
                if ImageFiles.isWhiteout(st) {
                    if existsBelow { out.append(Change(kind: .deleted, path: "/" + child)) }
                    continue
                }
                out.append(Change(kind: existsBelow ? .changed : .added, path: "/" + child))
                if ImageFiles.isDirectory(st) {
                    let opaque = try ImageFiles.isOpaque(upper + "/" + child)
                    pending.append((child, opaque ? [] : childBelow))
                }
            }
        }
        return out.sorted { $0.path < $1.path }
    }
}
