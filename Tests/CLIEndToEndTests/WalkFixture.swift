import Foundation

/// A `lab walk` of the tests' own: a folder with the lab file (a path of its own, so the walk's
/// namespace `walk-…` is too), a HOME for the walk's progress, tmux windows running the walk.
/// `close()` kills the tmux servers, removes the walk's namespace and the folder, last made first.
final class WalkFixture {
    let dir: String
    let home: String
    let labFile: String
    let root: String
    let binDir: String
    private var windows: [TmuxWindow] = []
    /// Read off the walk's screen (`Namespace walk-…`) once it started.
    var namespace: String?

    init(lab: String, name: String = #function) throws {
        let tag = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        dir = NSTemporaryDirectory() + "isolab-walk-" + name.prefix(16).filter { $0.isLetter } + "-" + tag
        home = dir + "/home"
        labFile = dir + "/lab.md"
        binDir = dir + "/bin"
        root = ProcessInfo.processInfo.environment["ISOLAB_TEST_ROOT"] ?? "/var/lib/isolab-test"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: binDir, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: binDir + "/docker", withDestinationPath: IsolabBinary.path)
        try FileManager.default.createSymbolicLink(atPath: binDir + "/isolab", withDestinationPath: IsolabBinary.path)
        try lab.write(toFile: labFile, atomically: true, encoding: .utf8)
    }

    /// A window running `isolab lab walk LAB ARGS`, with the walk's namespace left to the walk.
    func walk(_ arguments: String = "", width: Int = 100, height: Int = 50) throws -> TmuxWindow {
        let shell = FileManager.default.isExecutableFile(atPath: "/bin/bash") ? "/bin/bash" : "/bin/sh"
        let command = "cd \(dir) && env -u ISOLAB_NAMESPACE -u NO_COLOR HOME=\(home) ISOLAB_ROOT=\(root) "
            + "SHELL=\(shell) TERM=xterm PATH=\(binDir):/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "
            + "isolab lab walk lab.md \(arguments)"
        let window = try TmuxWindow(command: command, width: width, height: height)
        windows.append(window)
        return window
    }

    /// Reads the namespace off a started walk's screen.
    func learnNamespace(_ window: TmuxWindow) throws -> String {
        let screen = try window.wait(for: "Namespace walk-")
        guard let match = screen.firstMatch(of: try Regex("Namespace (walk-[0-9a-f]{8})")),
              let found = match.output[1].substring else {
            throw TmuxWindow.Failure(description: "no namespace on the screen:\n\(screen)")
        }
        namespace = String(found)
        return String(found)
    }

    /// A shell command line with isolab's `docker` first on PATH, in the walk's namespace.
    @discardableResult
    func sh(_ command: String) throws -> String {
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = binDir + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["ISOLAB_ROOT"] = root
        env["ISOLAB_NAMESPACE"] = namespace ?? "none"
        env["HOME"] = home
        return try TestProcess.run("/bin/sh", ["-c", command], environment: env).output
    }

    /// What of the walk is left on the host: containers in its namespace, the namespace itself,
    /// and for each of `ids` a cgroup, a mount or run-time state.
    func leftovers(ids: [String]) throws -> [String] {
        guard let ns = namespace else { return ["no namespace known"] }
        var left: [String] = []
        let containers = try sh("docker ps -aq").trimmingCharacters(in: .whitespacesAndNewlines)
        if !containers.isEmpty { left.append("containers: \(containers)") }
        if try sh("isolab namespace ls -q").split(separator: "\n").contains(Substring(ns)) { left.append("namespace \(ns)") }
        let mounts = (try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)) ?? ""
        for id in ids {
            let cgroups = try sh("find /sys/fs/cgroup -type d -name '\(id)*' 2>/dev/null").trimmingCharacters(in: .whitespacesAndNewlines)
            if !cgroups.isEmpty { left.append("cgroups: \(cgroups)") }
            if mounts.contains(id) { left.append("a mount of \(id)") }
        }
        let state = try sh("ls -d /run/isolab/*/\(ns) 2>/dev/null").trimmingCharacters(in: .whitespacesAndNewlines)
        if !state.isEmpty { left.append("run-time state: \(state)") }
        return left
    }

    func close() {
        for window in windows.reversed() { window.close() }
        if let namespace { _ = try? sh("isolab namespace rm \(namespace)") }
        try? FileManager.default.removeItem(atPath: dir)
    }
}
