import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The `debian` image's rootfs: `debootstrap --variant=minbase` of bookworm with the tools the labs
/// use, from the mirror the machine's apt already uses. The result is cached as a tarball under
/// /var/cache/isolab (ISOLAB_CACHE_DIR overrides it), shared by every root, because it takes a
/// while; the cache file appears by rename only when complete, so a partial one is never used.
struct DebianBootstrap {
    static let suite = "bookworm"
    static let packages = ["procps", "iproute2", "util-linux", "iputils-ping"]
    /// Bump when the rootfs recipe changes, so an older cached tarball is not used.
    static let recipeVersion = 1

    var cacheDir = ImageCache.directory
    var progress = BuildProgress("isolab: debian image")

    /// The image's origin, as its history says it.
    static func origin() -> String {
        "debootstrap --variant=minbase \(suite) with \(packages.joined(separator: ", ")) from \(mirror())"
    }

    var cacheFile: String {
        let key = RuntimeContext.key(for: "\(DebianBootstrap.recipeVersion) \(DebianBootstrap.suite) \(DebianBootstrap.packages.joined(separator: ","))")
        return "\(cacheDir)/debian-\(DebianBootstrap.suite)-minbase-\(key).tar"
    }

    /// The cached rootfs tarball, made first when missing.
    func cachedRootfs() throws -> String {
        if ImageFiles.exists(cacheFile) { return cacheFile }
        try ImageFiles.makeDirectories(cacheDir)
        return try FileLock(path: cacheDir + "/debian.lock").withLock {
            if ImageFiles.exists(cacheFile) { return cacheFile }
            try ImageCache.removeLeftovers(of: "debian", in: cacheDir)
            let work = "\(cacheDir)/tmp-debian-\(ImageFiles.randomSuffix())"
            try ImageFiles.makeDirectories(work + "/rootfs")
            defer { try? ImageFiles.removeTree(work) }
            let log = cacheDir + "/debian-build.log"
            try? ImageFiles.removeTree(log)
            try bootstrap(into: work + "/rootfs", log: log)
            try trim(work + "/rootfs")
            let partial = work + "/rootfs.tar"
            let fd = open(partial, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw RuntimeError.errno("open", partial) }
            do {
                let writer = try TarWriter(fd: fd, label: partial)
                try LayerPacker(skipRuntimePlaceholders: false).packLayer(work + "/rootfs", into: writer)
                try writer.finish()
                guard fsync(fd) == 0 else { throw RuntimeError.errno("fsync", partial) }
            } catch {
                close(fd)
                throw error
            }
            close(fd)
            guard rename(partial, cacheFile) == 0 else { throw RuntimeError.errno("rename", "\(partial) to \(cacheFile)") }
            try AtomicFile.syncDirectory(cacheDir)
            return cacheFile
        }
    }

    private func bootstrap(into target: String, log: String) throws {
        guard access("/usr/sbin/debootstrap", X_OK) == 0 else {
            throw RuntimeError(.notFound(.file), "build debian: /usr/sbin/debootstrap not found (apt-get install debootstrap)")
        }
        let mirror = DebianBootstrap.mirror()
        progress.line("debootstrap \(DebianBootstrap.suite) from \(mirror), about a minute (log: \(log))")
        var stages = DebootstrapStages()
        try LoggedCommand(executable: "/usr/sbin/debootstrap",
                          arguments: ["--variant=minbase", "--include=" + DebianBootstrap.packages.joined(separator: ","),
                                      DebianBootstrap.suite, target, mirror],
                          what: "build debian: debootstrap \(DebianBootstrap.suite) from \(mirror)").run(log: log) { line in
            switch stages.next(line) {
            case .newStage(let text): progress.endUpdate(); progress.line(text)
            case .count(let text): progress.update(text)
            case .none: break
            }
        }
        progress.endUpdate()
    }

    /// Drops downloaded packages and lists, and leaves the bind-mount targets empty: debootstrap
    /// copies the host's resolv.conf and hostname, which are not the image's.
    private func trim(_ rootfs: String) throws {
        for dir in ["var/cache/apt/archives", "var/lib/apt/lists"] {
            let path = rootfs + "/" + dir
            guard ImageFiles.exists(path) else { continue }
            for name in try ImageFiles.listDirectory(path) where name.hasSuffix(".deb") || name.hasSuffix("_Packages") || name.hasSuffix("Release") || name.hasSuffix(".gpg") {
                try ImageFiles.removeTree(path + "/" + name)
            }
        }
        for file in ["etc/hostname", "etc/hosts", "etc/resolv.conf"] {
            try ImageFiles.removeTree(rootfs + "/" + file)
            try AtomicFile.write(Data(), to: rootfs + "/" + file)
        }
        for dir in ["proc", "sys", "dev", "tmp"] { try ImageFiles.makeDirectories(rootfs + "/" + dir) }
    }

    /// The Debian mirror of this machine's apt sources (deb822 `URIs:` first, then sources.list),
    /// skipping security mirrors; deb.debian.org when none is configured.
    static func mirror(sourcesDir: String = "/etc/apt/sources.list.d", sourcesList: String = "/etc/apt/sources.list") -> String {
        let files = ((try? ImageFiles.listDirectory(sourcesDir)) ?? []).filter { $0.hasSuffix(".sources") }.map { sourcesDir + "/" + $0 }
        for file in files {
            guard let data = try? FileIO.read(file) else { continue }
            if let uri = mirror(deb822: String(decoding: data, as: UTF8.self)) { return uri }
        }
        if let data = try? FileIO.read(sourcesList), let uri = mirror(sourcesListText: String(decoding: data, as: UTF8.self)) {
            return uri
        }
        return "http://deb.debian.org/debian"
    }

    /// The first non-security `URIs:` of a deb822 stanza that serves bookworm binaries.
    static func mirror(deb822 text: String) -> String? {
        for stanza in text.components(separatedBy: "\n\n") {
            var fields: [String: String] = [:]
            for line in stanza.split(separator: "\n") where !line.hasPrefix("#") {
                guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" ") else { continue }
                fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingSpaces()
            }
            guard (fields["types"] ?? "deb").split(separator: " ").contains("deb"),
                  fields["enabled"]?.lowercased() != "no",
                  let suites = fields["suites"], suites.split(separator: " ").contains(Substring(suite)),
                  let uri = fields["uris"]?.split(separator: " ").first.map(String.init),
                  !uri.contains("security") else { continue }
            return uri
        }
        return nil
    }

    /// The first non-security `deb URI bookworm ...` line of a sources.list.
    static func mirror(sourcesListText text: String) -> String? {
        for line in text.split(separator: "\n") {
            var words = line.split(separator: " ").map(String.init)
            guard words.first == "deb" else { continue }
            words.removeFirst()
            if words.first?.hasPrefix("[") == true {
                while let w = words.first, !w.hasSuffix("]") { words.removeFirst() }
                if !words.isEmpty { words.removeFirst() }
            }
            guard words.count >= 2, words[1] == suite, !words[0].contains("security") else { continue }
            return words[0]
        }
        return nil
    }
}
