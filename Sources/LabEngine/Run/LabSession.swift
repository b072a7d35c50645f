import Foundation
import LabFormat
#if canImport(Glibc)
import Glibc
#endif

/// One lab's run: its scratch folder (the shared working directory and a `docker` on PATH), its
/// namespace, the environment every command gets, and the captures so far.
final class LabSession {
    let root: String
    let workDirectory: String
    let namespace: String
    private let baseEnvironment: [String: String]
    private(set) var captures: [String: String] = [:]

    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    init(namespace: String, options: LabRunOptions) throws {
        var template = Array((NSTemporaryDirectory() + "isolab-lab-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw SetupError(description: "mkdtemp \(NSTemporaryDirectory())isolab-lab-XXXXXX: \(String(cString: strerror(errno)))")
        }
        root = String(cString: made)
        workDirectory = root + "/work"
        self.namespace = namespace
        let bin = root + "/bin"
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: workDirectory, withIntermediateDirectories: false)
            try fm.createDirectory(atPath: bin, withIntermediateDirectories: false)
            if let docker = options.dockerExecutable {
                try fm.createSymbolicLink(atPath: bin + "/docker", withDestinationPath: docker)
            }
        } catch {
            try? fm.removeItem(atPath: root)
            throw SetupError(description: "preparing \(root): \(error.localizedDescription)")
        }
        let env = options.environment
        let systemPath = env["PATH"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        var base: [String: String] = [
            "PATH": bin + ":" + systemPath,
            "HOME": env["HOME"] ?? "/root",
            "LANG": "C",
            "TZ": "UTC",
            "COLUMNS": "80",
            "TERM": "dumb",
            "ISOLAB_NAMESPACE": namespace,
        ]
        // Which state `docker` uses: the root, and (for tests) the run-time folder.
        for key in ["ISOLAB_ROOT", "ISOLAB_RUN_DIR"] {
            if let value = env[key], !value.isEmpty { base[key] = value }
        }
        baseEnvironment = base
    }

    /// The environment for a command: the captures (committed and the current attempt's), then
    /// the reset variables, which captures never replace, then the block's `env=`, which
    /// replaces both except PATH and ISOLAB_* (the parser refuses those; a block made some
    /// other way must not point `docker` elsewhere either).
    func environment(with attempt: [String: String] = [:], block: [String: String] = [:]) -> [String: String] {
        var env = captures.merging(attempt) { _, new in new }
        for (key, value) in baseEnvironment { env[key] = value }
        for (key, value) in block where !BlockEnvironment.isReserved(key) { env[key] = value }
        return env
    }

    func commit(_ attempt: [String: String]) {
        captures.merge(attempt) { _, new in new }
    }

    /// A file in the scratch folder outside the working directory (background output).
    func scratchFile(_ name: String) -> String { root + "/" + name }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// `lab-` and 8 random hex digits.
    static func freshNamespace() -> String {
        "lab-" + String(format: "%08x", UInt32.random(in: 0...UInt32.max))
    }
}
