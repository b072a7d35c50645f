import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// `ISOLAB_TRACE=1`: one line per phase of a command on stderr, so the next person can see
/// where the time of a `run --rm` goes. Off, a mark is one load and a branch.
///
///     isolab trace: client  image resolve       +0.412 ms  @7.903 ms
///
/// `+` is the time since the previous mark of the same process, `@` the time since the client
/// started its work (the monitor and the container's init print on the same clock; the client
/// hands its origin down in `ISOLAB_TRACE_T0`, CLOCK_MONOTONIC nanoseconds).
public enum Trace {
    /// Read once; the environment is not consulted again.
    public static let enabled: Bool = {
        guard let v = getenv("ISOLAB_TRACE") else { return false }
        return String(cString: v) == "1"
    }()

    nonisolated(unsafe) private static var origin: UInt64 = 0
    nonisolated(unsafe) private static var last: UInt64 = 0

    /// The first mark: the CPU time the process spent before its own code ran (exec, the
    /// dynamic loader, relocations, static initialisers) and the origin of the `@` clock.
    public static func start() {
        guard enabled else { return }
        origin = monotonicNanoseconds()
        last = origin
        setenv("ISOLAB_TRACE_T0", String(origin), 1)
        let cpu = Double(cpuBeforeMain()) / 1e6
        emit("isolab trace: client  " + pad("start-up") + CFormat.string("%8.3f ms CPU before main (loader, relocations, initialisers)\n", cpu))
    }

    /// Ends the phase named `phase`.
    @inline(__always)
    public static func mark(_ phase: @autoclosure () -> String) {
        guard enabled else { return }
        markSlow(phase())
    }

    private static func markSlow(_ phase: String) {
        let now = monotonicNanoseconds()
        if origin == 0 { origin = now; last = now }
        let delta = Double(now &- last) / 1e6, at = Double(now &- origin) / 1e6
        last = now
        emit("isolab trace: client  " + pad(phase) + CFormat.string("%+8.3f ms  @%.3f ms\n", delta, at))
    }

    private static func pad(_ s: String) -> String {
        s.count >= 28 ? s + " " : s + String(repeating: " ", count: 28 - s.count)
    }

    private static func emit(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.withUnsafeMutableBytes { b in _ = Glibc.write(2, b.baseAddress, b.count) }
    }

    static func monotonicNanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }

    /// This process's time on a CPU so far, in nanoseconds (CLOCK_PROCESS_CPUTIME_ID brings
    /// the running task's time up to date; /proc/self/schedstat lags until the next tick).
    /// It includes the few microseconds the forked child ran before its execve.
    static func cpuBeforeMain() -> UInt64 {
        var ts = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) == 0 else { return 0 }
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }
}
