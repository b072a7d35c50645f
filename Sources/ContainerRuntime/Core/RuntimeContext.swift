import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Where this invocation keeps its state: `--root`/ISOLAB_ROOT (images, layers, containers),
/// `--namespace`/ISOLAB_NAMESPACE (containerd-style: names unique within it, images shared),
/// and the run-time directory under /run/isolab keyed by the root.
public struct RuntimeContext: Sendable, Equatable {
    public var root: String
    public var namespace: String
    /// `/run/isolab` (ISOLAB_RUN_DIR overrides it, for tests that must not touch the real one).
    public var runBase: String

    public init(root: String, namespace: String, runBase: String = "/run/isolab") {
        self.root = root; self.namespace = namespace; self.runBase = runBase
    }

    /// The global flags were folded into the environment by the CLI's argv pre-pass.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> RuntimeContext {
        RuntimeContext(root: env["ISOLAB_ROOT"].flatMap { $0.isEmpty ? nil : $0 } ?? "/var/lib/isolab",
                       namespace: env["ISOLAB_NAMESPACE"].flatMap { $0.isEmpty ? nil : $0 } ?? "default",
                       runBase: env["ISOLAB_RUN_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/run/isolab")
    }

    /// Run-time state of this root: `/run/isolab/<16 hex of the root path's hash>`.
    public var runRoot: String { runBase + "/" + RuntimeContext.key(for: root) }

    /// A stable short key for a root path (FNV-1a, 64 bit): several roots share /run/isolab.
    public static func key(for root: String) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in root.utf8 { h ^= UInt64(b); h = h &* 0x100000001b3 }
        return CFormat.string("%016llx", h)
    }
}
