import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `docker ...` command lines through /bin/sh exactly as a learner would, with isolab's
/// `docker` first on PATH, in a namespace of the test's own. `close()` removes the namespace and
/// the temporary directory, last made first; call it in a `defer`.
final class CLIFixture {
    let namespace: String
    /// Hex, unique per fixture: for names of the test's own (images, files) beside the namespace.
    let tag: String
    let root: String
    let binDir: String
    private var extraNamespaces: [String] = []

    struct Result { var output: String; var status: Int32 }

    init(_ name: String = #function) throws {
        tag = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        namespace = "t-" + name.prefix(20).filter { $0.isLetter || $0.isNumber } + "-" + tag
        root = ProcessInfo.processInfo.environment["ISOLAB_TEST_ROOT"] ?? "/var/lib/isolab-test"
        binDir = NSTemporaryDirectory() + "isolab-e2e-bin-" + tag
        try FileManager.default.createDirectory(atPath: binDir, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: binDir + "/docker", withDestinationPath: IsolabBinary.path)
        try FileManager.default.createSymbolicLink(atPath: binDir + "/isolab", withDestinationPath: IsolabBinary.path)
    }

    /// Another namespace of the same root, removed by `close()`.
    func otherNamespace() -> String {
        let ns = namespace + "-b"
        extraNamespaces.append(ns)
        return ns
    }

    /// Runs a shell command line; stdout and stderr together, as a terminal shows them.
    @discardableResult
    func sh(_ command: String, namespace ns: String? = nil, stdin: String? = nil, timeout: Double = 120) throws -> Result {
        let r = try TestProcess.run("/bin/sh", ["-c", command], environment: environment(namespace: ns ?? namespace),
                                    stdin: stdin, timeout: timeout)
        return Result(output: r.output, status: r.status)
    }

    /// The environment of `sh` and `spawn`: isolab's `docker` first on PATH, the test's root.
    func environment(namespace ns: String) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = binDir + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["ISOLAB_ROOT"] = root
        env["ISOLAB_NAMESPACE"] = ns
        env["LANG"] = "C"
        return env
    }

    /// The output of a command that must succeed, trimmed.
    @discardableResult
    func ok(_ command: String, namespace ns: String? = nil, stdin: String? = nil) throws -> String {
        let r = try sh(command, namespace: ns, stdin: stdin)
        guard r.status == 0 else {
            throw FixtureError(description: "`\(command)` exited \(r.status):\n\(r.output)")
        }
        return r.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func close() {
        for ns in ([namespace] + extraNamespaces).reversed() {
            _ = try? sh("isolab namespace rm \(ns)")
        }
        try? FileManager.default.removeItem(atPath: binDir)
    }

    struct FixtureError: Error, CustomStringConvertible { let description: String }
}
