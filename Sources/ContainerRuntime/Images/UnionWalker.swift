import Foundation
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
        let present = try layers.indices.filter { i in
            guard let st = try ImageFiles.lstatIfExists(layers[i]) else { return false }
            guard ImageFiles.isDirectory(st) else { throw RuntimeError.errno("export", layers[i], ENOTDIR) }
            return true
        }
        try walk(rel: "", layerIndexes: present, writer: writer, links: &links)
    }

    private func lookup(_ index: Int, _ rel: String) throws -> stat? {
        guard let st = try ImageFiles.lstatIfExists(layers[index] + "/" + rel) else { return nil }
        // What the runtime put into the upper dir is not the container's: look through it.
        if index == 0 && topIsUpper && LayerPacker.isRuntimePlaceholder(rel, st) && !LayerPacker.kernelMountPoints.contains(rel) {
            return nil
        }
        return st
    }

    /// `layerIndexes`: the layers in which `rel` is a directory that shows through, top first.
    private func walk(rel: String, layerIndexes: [Int], writer: TarWriter, links: inout LayerPacker.HardLinks) throws {
        var names = Set<String>()
        for i in layerIndexes {
            let dir = rel.isEmpty ? layers[i] : layers[i] + "/" + rel
            names.formUnion(try ImageFiles.listDirectory(dir))
        }
        for name in names.sorted() {
            let childRel = rel.isEmpty ? name : rel + "/" + name
            var below: [Int] = []
            var decided = false
            for i in layerIndexes {
                guard let st = try lookup(i, childRel) else { continue }
                let path = layers[i] + "/" + childRel
                if !decided {
                    decided = true
                    if ImageFiles.isWhiteout(st) { break }
                    try LayerPacker.addEntry(path: path, member: childRel, stat: st, writer: writer, links: &links)
                    guard ImageFiles.isDirectory(st) else { break }
                    below.append(i)
                    if try ImageFiles.isOpaque(path) { break }
                } else {
                    // A file or whiteout under a directory hides everything further down.
                    guard ImageFiles.isDirectory(st) else { break }
                    below.append(i)
                    if try ImageFiles.isOpaque(path) { break }
                }
            }
            if !below.isEmpty { try walk(rel: childRel, layerIndexes: below, writer: writer, links: &links) }
        }
    }
}
