import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

extension Runtime {
    /// `stop`, `kill` and `rm` say the user ended it: no restart policy applies after that
    /// (until the next `start`).
    func markStoppedByUser(_ c: Container) {
        try? AtomicFile.write(Data(), to: c.dir + "/stopped-by-user", durable: false)
    }

    /// How many times the restart policy started the container again (inspect's RestartCount).
    public func restartCount(_ c: Container) -> Int {
        Int((try? String(contentsOfFile: c.dir + "/restarts", encoding: .utf8))?.trimmingWhitespace() ?? "") ?? 0
    }

    /// Run by the monitor's exit command once the container is cleaned up: starts it again
    /// when its policy says so, after Docker's back-off (100 ms, doubling, at most 1 min).
    func restartIfPolicySays(id: String) throws {
        guard let c = try? store.load(id: id), let policy = c.config.restartPolicy, !c.isRunning,
              !FileManager.default.fileExists(atPath: c.dir + "/stopped-by-user"),
              let exit = c.exit else { return }
        let count = restartCount(c)
        guard policy.restarts(exitCode: exit.exitCode, restarts: count) else { return }
        let delay = min(60.0, 0.1 * pow(2.0, Double(min(count, 10))))
        usleep(useconds_t(delay * 1e6))
        // Stopped or removed while we waited: nothing to do.
        guard let again = try? store.load(id: id), !again.isRunning,
              !FileManager.default.fileExists(atPath: c.dir + "/stopped-by-user") else { return }
        try AtomicFile.write(Data(String(count + 1).utf8), to: c.dir + "/restarts", durable: false)
        _ = try startExisting(id, attach: false, keepRestartCount: true)
    }
}
