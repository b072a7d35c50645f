import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns a directory into tar members: a container's overlay upper dir into a layer (whiteouts and
/// opaque dirs become OCI `.wh.` members), a bootstrapped rootfs into a base layer, or the union
/// of an upper dir over lower layers into one flat rootfs (export).
struct LayerPacker {
    /// Whether to leave out what the runtime itself puts into a container's upper dir.
    var skipRuntimePlaceholders: Bool

    /// Mounted over in every container (proc, sysfs, a tmpfs /dev): nothing under them is the container's.
    static let kernelMountPoints: Set<String> = ["proc", "sys", "dev"]
    /// Bind-mount targets the runtime creates as empty files.
    static let placeholderFiles: Set<String> = ["etc/hostname", "etc/hosts", "etc/resolv.conf"]

    /// The xattrs overlayfs keeps for itself: never part of an image.
    static func keepXattr(_ name: String) -> Bool { !name.hasPrefix("trusted.overlay.") }

    /// True for an upper-dir entry that is runtime plumbing rather than a change made in the container.
    static func isRuntimePlaceholder(_ rel: String, _ st: stat) -> Bool {
        if kernelMountPoints.contains(rel) { return true }
        if let top = rel.split(separator: "/").first, kernelMountPoints.contains(String(top)) { return true }
        return placeholderFiles.contains(rel) && ImageFiles.isRegular(st) && st.st_size == 0
    }

    /// Packs `directory` as one layer into `writer`, depth first, names sorted.
    func packLayer(_ directory: String, into writer: TarWriter) throws {
        var links = HardLinks()
        try packChildren(of: directory, rel: "", writer: writer, links: &links)
    }

    private func packChildren(of root: String, rel: String, writer: TarWriter, links: inout HardLinks) throws {
        let dir = rel.isEmpty ? root : root + "/" + rel
        for name in try ImageFiles.listDirectory(dir) {
            let childRel = rel.isEmpty ? name : rel + "/" + name
            let path = root + "/" + childRel
            guard let st = try ImageFiles.lstatIfExists(path) else { continue }
            if skipRuntimePlaceholders && LayerPacker.isRuntimePlaceholder(childRel, st) { continue }
            if ImageFiles.isWhiteout(st) {
                let parent = RelativePath.parent(childRel)
                let whiteout = (parent.isEmpty ? "" : parent + "/") + ".wh." + name
                var e = TarEntry(path: whiteout, kind: .regular)
                e.mode = 0o600; e.mtime = st.st_mtim.tv_sec
                try writer.add(e, data: Data())
                continue
            }
            try LayerPacker.addEntry(path: path, member: childRel, stat: st, writer: writer, links: &links)
            if ImageFiles.isDirectory(st) {
                if try ImageFiles.isOpaque(path) {
                    var e = TarEntry(path: childRel + "/.wh..wh..opq", kind: .regular)
                    e.mode = 0o600; e.mtime = st.st_mtim.tv_sec
                    try writer.add(e, data: Data())
                }
                try packChildren(of: root, rel: childRel, writer: writer, links: &links)
            }
        }
    }

    /// Files already written, by (device, inode): the second name of a file becomes a hard link.
    struct HardLinks {
        private var seen: [String: String] = [:]
        mutating func firstName(for st: stat, member: String) -> String? {
            guard ImageFiles.isRegular(st), st.st_nlink > 1 else { return nil }
            let key = "\(st.st_dev):\(st.st_ino)"
            if let first = seen[key] { return first }
            seen[key] = member
            return nil
        }
    }

    /// Writes the member for the file at `path` (not a whiteout), keeping owner, mode, times and xattrs.
    static func addEntry(path: String, member: String, stat st: stat, writer: TarWriter, links: inout HardLinks) throws {
        let target = (st.st_mode & S_IFMT) == S_IFLNK ? try ImageFiles.readLink(path) : ""
        let xattrs = try ImageFiles.xattrs(path).filter { keepXattr($0.0) }
        guard var e = TarEntry.from(stat: st, path: member, linkTarget: target, xattrs: xattrs) else { return }
        if let first = links.firstName(for: st, member: member) {
            e.kind = .hardlink; e.linkTarget = first; e.size = 0
            try writer.add(e)
            return
        }
        try writer.add(e, contentsOf: e.kind == .regular ? path : nil)
    }
}
