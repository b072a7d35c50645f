import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Writes the merged view of an overlay (an upper dir over lower layers, top first) as one flat
/// tar, as `docker export` does, by reading the layers themselves: no mount is needed, and
/// whiteouts and opaque directories hide what lies below them exactly as overlayfs would.
struct UnionWalker {
    /// Layer roots, top first; the first one is the container's upper dir when `topIsUpper`.
    let layers: [String]
    let topIsUpper: Bool

    func write(into writer: TarWriter) throws {
        var links = LayerPacker.HardLinks()
        // A container that never started has no upper dir yet: its rootfs is the image's.
        var roots: [Int: ImageFD] = [:]
        for i in layers.indices {
            guard let st = try ImageFiles.lstatIfExists(layers[i]) else { continue }
            guard ImageFiles.isDirectory(st) else { throw RuntimeError.errno("export", layers[i], ENOTDIR) }
            roots[i] = try ImageFD.directory(layers[i])
        }
        let present = layers.indices.filter { roots[$0] != nil }
        var rootNames = Set<String>()
        for i in present { rootNames.formUnion(try roots[i]?.names() ?? []) }
        // Iterative, one frame per directory being walked: a layer's depth is not this process's stack.
        var stack = [Frame(rel: "", layerIndexes: present, names: rootNames.sorted())]
        var open: (depth: Int, dirs: [Int: ImageFD]) = (-1, [:])
        while let top = stack.last {
            guard top.next < top.names.count else {
                stack.removeLast()
                continue
            }
            if open.depth != stack.count {
                var dirs: [Int: ImageFD] = [:]
                for i in top.layerIndexes {
                    dirs[i] = try roots[i]?.open(top.rel, O_RDONLY | O_DIRECTORY, resolution: .strictlyBeneath)
                }
                open = (stack.count, dirs)
            }
            let name = top.names[top.next]
            stack[stack.count - 1].next += 1
            let childRel = top.rel.isEmpty ? name : top.rel + "/" + name
            var below: [Int] = []
            var names = Set<String>()
            var decided = false
            for i in top.layerIndexes {
                guard let dir = open.dirs[i], let st = try lookup(i, dir, name, childRel) else { continue }
                if !decided {
                    decided = true
                    if ImageFiles.isWhiteout(st) { break }
                    try LayerPacker.addEntry(in: dir, name: name, member: childRel, stat: st, writer: writer, links: &links)
                }
                // A file or whiteout under a directory hides everything further down.
                guard ImageFiles.isDirectory(st) else { break }
                let sub = try dir.open(name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW, resolution: .strictlyBeneath)
                below.append(i)
                names.formUnion(try sub.names())
                if try sub.isOpaque() { break }
            }
            if !below.isEmpty {
                stack.append(Frame(rel: childRel, layerIndexes: below, names: names.sorted()))
            }
        }
    }

    /// A directory of the union being walked: the layers where it shows through, its names, the next one.
    private struct Frame {
        var rel: String
        var layerIndexes: [Int]
        var names: [String]
        var next = 0
    }

    private func lookup(_ index: Int, _ dir: ImageFD, _ name: String, _ rel: String) throws -> stat? {
        guard let st = try dir.statEntry(name) else { return nil }
        // What the runtime put into the upper dir is not the container's: look through it.
        if index == 0 && topIsUpper && LayerPacker.isRuntimePlaceholder(rel, st) && !LayerPacker.kernelMountPoints.contains(rel) {
            return nil
        }
        return st
    }
}
