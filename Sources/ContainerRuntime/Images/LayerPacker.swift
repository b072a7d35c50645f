import FoundationEssentials
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
    ///
    /// A container's upper dir is written by the container, possibly while this runs: every entry
    /// is reached from the directory's fd (openat2 with no symlinks, no `..`, no mount crossing)
    /// and read through `*at` calls, so a directory swapped for a symlink to the host fails
    /// instead of packing host files. Iterative: the container's depth is not this process's stack.
    func packLayer(_ directory: String, into writer: TarWriter) throws {
        var links = HardLinks()
        let root = try ImageFD.directory(directory)
        var stack = [Frame(rel: "", names: try root.names())]
        var dir = root
        while let top = stack.last {
            guard top.next < top.names.count else {
                stack.removeLast()
                if let parent = stack.last { dir = try root.open(parent.rel, O_RDONLY | O_DIRECTORY, resolution: .strictlyBeneath) }
                continue
            }
            let name = top.names[top.next]
            stack[stack.count - 1].next += 1
            let childRel = top.rel.isEmpty ? name : top.rel + "/" + name
            guard let st = try dir.statEntry(name) else { continue }
            if skipRuntimePlaceholders && LayerPacker.isRuntimePlaceholder(childRel, st) { continue }
            if ImageFiles.isWhiteout(st) {
                let whiteout = (top.rel.isEmpty ? "" : top.rel + "/") + ".wh." + name
                var e = TarEntry(path: whiteout, kind: .regular)
                e.mode = 0o600; e.mtime = st.st_mtim.tv_sec
                try writer.add(e, data: Data())
                continue
            }
            try LayerPacker.addEntry(in: dir, name: name, member: childRel, stat: st, writer: writer, links: &links)
            if ImageFiles.isDirectory(st) {
                let sub = try dir.open(name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW, resolution: .strictlyBeneath)
                if try sub.isOpaque() {
                    var e = TarEntry(path: childRel + "/.wh..wh..opq", kind: .regular)
                    e.mode = 0o600; e.mtime = st.st_mtim.tv_sec
                    try writer.add(e, data: Data())
                }
                stack.append(Frame(rel: childRel, names: try sub.names()))
                dir = sub
            }
        }
    }

    /// A directory being packed: its names and the next one to write.
    struct Frame {
        var rel: String
        var names: [String]
        var next = 0
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

    /// Writes the member for the entry `name` of `dir` (not a whiteout), keeping owner, mode,
    /// times and xattrs. A regular file is opened without following links and must still be the
    /// file `st` describes (the container may have replaced it meanwhile).
    static func addEntry(in dir: ImageFD, name: String, member: String, stat st: stat, writer: TarWriter, links: inout HardLinks) throws {
        let target = (st.st_mode & S_IFMT) == S_IFLNK ? try dir.readLink(name) : ""
        let xattrs = try dir.xattrs(ofEntry: name).filter { keepXattr($0.0) }
        guard var e = TarEntry.from(stat: st, path: member, linkTarget: target, xattrs: xattrs) else { return }
        if let first = links.firstName(for: st, member: member) {
            e.kind = .hardlink; e.linkTarget = first; e.size = 0
            try writer.add(e)
            return
        }
        guard e.kind == .regular else {
            try writer.add(e)
            return
        }
        let fd = openat(dir.fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw RuntimeError.errno("open", dir.child(name)) }
        let file = ImageFD(owning: fd, label: dir.child(name))
        let now = try file.stat()
        guard now.st_dev == st.st_dev && now.st_ino == st.st_ino && ImageFiles.isRegular(now) else {
            throw RuntimeError(.failed, "\(dir.child(name)): changed while it was packed")
        }
        try writer.add(e, file: file)
    }
}
