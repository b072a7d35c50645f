import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// BusyBox the way Docker's official `busybox` image has it: upstream's default configuration
/// (`make defconfig`) linked statically, so `ps` prints `PID USER TIME COMMAND` as the tutorial
/// shows. Debian's busybox-static is built with Debian's own configuration, which differs (no TIME
/// column in `ps`, for one). The source is Debian's `busybox` source package (upstream's tarball
/// plus Debian's patches) from the mirror this machine's apt already uses, fetched with a private
/// sources list and apt state folder so the host's apt configuration is never touched.
///
/// The binary is compiled once (a minute or two) and kept in the image cache, named by version;
/// the build is locked against concurrent builds, logs to `busybox-build.log` there, and removes
/// its work folder on failure. When the source cannot be had or does not build, the image falls
/// back to Debian's busybox-static and its origin says so.
struct BusyboxSourceBuild {
    /// Bump when the recipe changes, so an older cached binary is not used.
    static let recipeVersion = 1
    static let suffix = "-defconfig-static-r\(recipeVersion)"

    var cacheDir = ImageCache.directory
    var progress = BuildProgress("isolab: busybox image")

    var log: String { cacheDir + "/busybox-build.log" }
    /// Written when the source was fetched but did not compile: the same source would fail again,
    /// so later builds fall back at once instead of spending minutes on it.
    var failedMarker: String { cacheDir + "/busybox\(BusyboxSourceBuild.suffix).failed" }

    /// The busybox to make the image of: the compiled one, or Debian's busybox-static as a fallback.
    func binary() throws -> BusyboxBinary {
        let reason: String
        do {
            return try compiled()
        } catch {
            reason = "\(error)"
        }
        let fallback: String
        do {
            fallback = try BusyboxRootfs.locateBinary()
        } catch {
            throw RuntimeError(.failed, "build busybox: \(reason)\nand the fallback is missing too: \(error)")
        }
        let firstLine = reason.split(separator: "\n").first.map(String.init) ?? reason
        progress.line("using Debian's busybox-static instead of upstream's default configuration: \(reason)")
        let banner = (try? BusyboxRootfs.banner(fallback)) ?? fallback
        return BusyboxBinary(path: fallback,
                             origin: "Debian's busybox-static (\(banner)), a fallback: upstream's default configuration could not be built: \(firstLine)",
                             isFallback: true)
    }

    /// The cached binary, compiled first when missing.
    func compiled() throws -> BusyboxBinary {
        if let found = try cached() { return found }
        try ImageFiles.makeDirectories(cacheDir)
        return try FileLock(path: cacheDir + "/busybox.lock").withLock {
            if let found = try cached() { return found }
            if ImageFiles.exists(failedMarker) {
                let earlier = (try? FileIO.read(failedMarker)).map { String(decoding: $0.prefix(4096), as: UTF8.self) } ?? ""
                throw RuntimeError(.failed, "an earlier build failed (remove \(failedMarker) to try again): \(earlier)")
            }
            try ImageCache.removeLeftovers(of: "busybox", in: cacheDir)
            let work = "\(cacheDir)/tmp-busybox-\(ImageFiles.randomSuffix())"
            try ImageFiles.makeDirectories(work + "/src")
            defer { try? ImageFiles.removeTree(work) }
            try? ImageFiles.removeTree(log)

            let dsc = try fetchSource(into: work)
            let version = try BusyboxSourceBuild.version(ofDSC: dsc)
            do {
                let binary = try build(dsc: dsc, version: version, in: work)
                let file = cacheDir + "/" + BusyboxSourceBuild.fileName(version: version)
                guard rename(binary, file) == 0 else { throw RuntimeError.errno("rename", "\(binary) to \(file)") }
                try AtomicFile.syncDirectory(cacheDir)
                progress.line("compiled BusyBox from Debian's source \(version)")
                return BusyboxBinary(path: file, origin: BusyboxSourceBuild.origin(version: version), isFallback: false)
            } catch {
                try? AtomicFile.write(Data("busybox source \(version): \(error)\n".utf8), to: failedMarker)
                throw error
            }
        }
    }

    /// The newest cached binary of this recipe, if any.
    func cached() throws -> BusyboxBinary? {
        guard ImageFiles.exists(cacheDir) else { return nil }
        var newest: (name: String, mtime: Int)?
        for name in try ImageFiles.listDirectory(cacheDir) where name.hasPrefix("busybox-") && name.hasSuffix(BusyboxSourceBuild.suffix) {
            guard let st = try ImageFiles.lstatIfExists(cacheDir + "/" + name), ImageFiles.isRegular(st) else { continue }
            if let current = newest, current.mtime >= st.st_mtim.tv_sec { continue }
            newest = (name, st.st_mtim.tv_sec)
        }
        guard let newest else { return nil }
        let version = String(newest.name.dropFirst("busybox-".count).dropLast(BusyboxSourceBuild.suffix.count))
        return BusyboxBinary(path: cacheDir + "/" + newest.name, origin: BusyboxSourceBuild.origin(version: version), isFallback: false)
    }

    static func origin(version: String) -> String {
        let upstream = version.split(separator: "-").first.map(String.init) ?? version
        return "BusyBox \(upstream), upstream's default configuration (make defconfig, CONFIG_STATIC=y), built from Debian's busybox source \(version)"
    }

    /// `busybox-<version>-defconfig-static-rN`; the version as Debian's file names spell it.
    static func fileName(version: String) -> String {
        "busybox-\(version)\(suffix)"
    }

    /// Downloads the source package with apt-get and a private sources list, state and cache, and
    /// returns its `.dsc`.
    private func fetchSource(into work: String) throws -> String {
        let mirror = DebianBootstrap.mirror()
        progress.line("fetching Debian's busybox source from \(mirror) (log: \(log))")
        guard access("/usr/bin/apt-get", X_OK) == 0 else {
            throw RuntimeError(.notFound(.file), "/usr/bin/apt-get not found (this is not a Debian system)")
        }
        let apt = work + "/apt"
        for dir in ["/sources.list.d", "/state/lists/partial", "/cache/archives/partial"] {
            try ImageFiles.makeDirectories(apt + dir)
        }
        let keyring = "/usr/share/keyrings/debian-archive-keyring.gpg"
        let signedBy = ImageFiles.exists(keyring) ? "[signed-by=\(keyring)] " : ""
        try AtomicFile.write(Data("deb-src \(signedBy)\(mirror) \(DebianBootstrap.suite) main\n".utf8), to: apt + "/sources.list", durable: false)
        let options = [
            "-q", "-o", "Dir::Etc::SourceList=\(apt)/sources.list", "-o", "Dir::Etc::SourceParts=\(apt)/sources.list.d",
            "-o", "Dir::State=\(apt)/state", "-o", "Dir::Cache=\(apt)/cache",
            // Files in a root-only folder: the _apt user could not write them.
            "-o", "APT::Sandbox::User=root", "-o", "Acquire::Retries=2", "-o", "Acquire::http::Timeout=30",
        ]
        let what = "fetch the busybox source from \(mirror)"
        try LoggedCommand(executable: "/usr/bin/apt-get", arguments: options + ["update"], what: what).run(log: log)
        try LoggedCommand(executable: "/usr/bin/apt-get", arguments: options + ["source", "--download-only", "busybox"],
                          directory: work + "/src", what: what).run(log: log)
        guard let dsc = try ImageFiles.listDirectory(work + "/src").first(where: { $0.hasPrefix("busybox_") && $0.hasSuffix(".dsc") }) else {
            throw RuntimeError(.notFound(.file), "\(what): apt-get source left no busybox_*.dsc")
        }
        return work + "/src/" + dsc
    }

    /// Unpacks the source (Debian's patches applied), configures it as upstream's default with
    /// static linking, compiles, and returns the path of the new binary.
    private func build(dsc: String, version: String, in work: String) throws -> String {
        for tool in ["/usr/bin/dpkg-source", "/usr/bin/make", "/usr/bin/gcc"] where access(tool, X_OK) != 0 {
            throw RuntimeError(.notFound(.file), "\(tool) not found (scripts/setup.sh installs dpkg-dev, make and gcc)")
        }
        let tree = work + "/src/busybox"
        try LoggedCommand(executable: "/usr/bin/dpkg-source", arguments: ["-x", dsc, tree], directory: work + "/src",
                          what: "unpack \(dsc)").run(log: log)
        var environment = ProcessInfo.processInfo.environment
        // A make above isolab must not pass its jobserver or flags down.
        for key in ["MAKEFLAGS", "MFLAGS", "MAKELEVEL", "CFLAGS", "LDFLAGS", "CROSS_COMPILE"] { environment[key] = nil }
        environment["LC_ALL"] = "C"
        try LoggedCommand(executable: "/usr/bin/make", arguments: ["defconfig"], directory: tree, environment: environment,
                          what: "build busybox \(version): make defconfig").run(log: log)
        try BusyboxSourceBuild.setStatic(config: tree + "/.config")

        let jobs = max(1, ProcessInfo.processInfo.activeProcessorCount)
        progress.line("compiling BusyBox \(version) with upstream's default configuration, static (\(jobs) jobs; a minute or two)")
        var compiled = 0
        try LoggedCommand(executable: "/usr/bin/make", arguments: ["-j\(jobs)", "busybox"], directory: tree, environment: environment,
                          what: "build busybox \(version): make").run(log: log) { line in
            guard line.hasPrefix("  CC ") else { return }
            compiled += 1
            progress.update("compiling BusyBox \(version): \(compiled) files")
        }
        progress.endUpdate()
        let binary = tree + "/busybox"
        guard ImageFiles.exists(binary) else { throw RuntimeError(.failed, "build busybox \(version): make left no \(binary)") }
        guard try !BusyboxRootfs.isDynamicallyLinked(binary) else {
            throw RuntimeError(.failed, "build busybox \(version): \(binary) is dynamically linked despite CONFIG_STATIC=y")
        }
        let fd = open(binary, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RuntimeError.errno("open", binary) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw RuntimeError.errno("fsync", binary) }
        return binary
    }

    /// Turns on CONFIG_STATIC in a defconfig `.config` (and nothing else).
    static func setStatic(config: String) throws {
        let text = String(decoding: try FileIO.read(config), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let i = lines.firstIndex(where: { $0 == "# CONFIG_STATIC is not set" || $0.hasPrefix("CONFIG_STATIC=") }) {
            lines[i] = "CONFIG_STATIC=y"
        } else {
            lines.insert("CONFIG_STATIC=y", at: max(0, lines.count - 1))
        }
        try AtomicFile.write(Data(lines.joined(separator: "\n").utf8), to: config, durable: false)
    }

    /// The `Version:` of a `.dsc` without its epoch (as Debian's file names spell it), checked to be
    /// a plain version: it becomes part of a file name.
    static func version(ofDSC path: String) throws -> String {
        let data = try FileIO.read(path)
        guard data.count < 1 << 20 else { throw RuntimeError(.invalidArgument, "\(path): larger than a .dsc can be") }
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Version: ") }) else {
            throw RuntimeError(.invalidArgument, "\(path): no Version field")
        }
        var version = line.dropFirst("Version: ".count).trimmingSpaces()
        if let colon = version.firstIndex(of: ":") { version = String(version[version.index(after: colon)...]) }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.+~-")
        guard !version.isEmpty, version.count <= 100, version.allSatisfy({ allowed.contains($0) }), version.first?.isNumber == true else {
            throw RuntimeError(.invalidArgument, "\(path): unexpected Version \(version)")
        }
        return version
    }
}
