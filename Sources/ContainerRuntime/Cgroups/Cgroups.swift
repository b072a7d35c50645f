import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The host's cgroup manager, detected once per process.
public enum Cgroups {
    private static let detected: Result<CgroupHost, RuntimeError> = catching { try CgroupHost.current() }
    private static let detectedManager: Result<any CgroupManager, RuntimeError> =
        detected.flatMap { host in catching { try host.makeManager() } }

    /// The manager for this host (detected once per process).
    public static func manager() throws -> CgroupManager { try detectedManager.get() }

    /// The host's set-up, as detected.
    public static func host() throws -> CgroupHost { try detected.get() }

    /// "v1 (hybrid)", "v1", "v2" for `info` and reports ("unknown" if /proc could not be read).
    public static func describeHost() -> String {
        (try? detected.get().mode.description) ?? "unknown"
    }

    private static func catching<T>(_ body: () throws -> T) -> Result<T, RuntimeError> {
        do { return .success(try body()) } catch let error as RuntimeError {
            return .failure(error)
        } catch {
            return .failure(RuntimeError(.failed, "cgroups: \(error)"))
        }
    }
}
